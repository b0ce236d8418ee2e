import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportReport } from '../../scripts/import/import.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/import');
let dir: string;
let content: string;
const reports: Record<string, ImportReport> = {};

const run = (from: 'wordpress' | 'jekyll' | 'hugo', today = '2026-11-30', force = false) =>
  runImport({
    from,
    input:
      from === 'wordpress'
        ? join(FIX, 'wordpress/export.xml')
        : from === 'jekyll'
          ? join(FIX, 'jekyll')
          : join(FIX, 'hugo/content'),
    uploads: from === 'wordpress' ? join(FIX, 'wordpress/uploads') : undefined,
    contentDir: content,
    prefix: from,
    today,
    force,
  });

const read = (path: string) => readFileSync(join(content, path), 'utf8');
const snapshot = () => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else out[relative(content, f)] = readFileSync(f, 'base64');
    }
  };
  walk(content);
  return out;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'downstream-import-'));
  content = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  for (const from of ['wordpress', 'jekyll', 'hugo'] as const) reports[from] = run(from);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const classes = (r: ImportReport | undefined) => new Set(r?.needsHuman.map((n) => n.class));

describe('importing the WordPress fixture', () => {
  it('imports posts, keeps unpublished ones as drafts and skips the rest with a reason', () => {
    const r = reports.wordpress!;
    expect(r.imported.map((i) => i.article)).toEqual(
      [
        'mirror-layout',
        'video-roundup',
        'identical',
        'identical-2',
        'ete-notes',
        'pending-review',
        'unfinished-synthetic-draft',
      ].map((s) => `articles/wordpress/${s}.md`),
    );
    expect(r.imported.filter((i) => i.draft).map((i) => i.article)).toEqual([
      'articles/wordpress/pending-review.md',
      'articles/wordpress/unfinished-synthetic-draft.md',
    ]);
    expect(r.skipped.map((s) => s.class).sort()).toEqual(['empty', 'not-a-post', 'not-a-post', 'trash']);
  });

  it('writes provenance and credits the original author', () => {
    const md = read('articles/wordpress/mirror-layout.md');
    expect(md).toContain('  url: https://news.example.org/2019/03/mirror-layout/\n');
    expect(md).toContain('  author: Test Writer One\n');
    expect(md).toContain('  licence: CC BY 4.0\n');
    expect(md).toContain('  on: 2026-11-30\n');
    expect(md).toMatch(/ {2}hash: [0-9a-f]{16}\n/);
  });

  it('converts captions, code shortcodes, tables and emoji; keeps rsync module paths; copies the upload', () => {
    const md = read('articles/wordpress/mirror-layout.md');
    expect(md).toMatch(
      /!\[\]\(\.\/media\/[0-9a-f]{6}-mirror-layout\.png\)\n\n\*The made-up mirror layout, as a tiny test image\.\*/,
    );
    expect(md).toContain('```bash\nrsync --list-only mirror.example.org::synthetic/\n```');
    expect(md).toContain('mirror.example.org::synthetic/README. 🎉');
    expect(md).toContain('| Module | Purpose |');
    expect(readdirSync(join(content, 'articles/wordpress/media'))).toHaveLength(1);
  });

  it('turns every embed into a link card and links to imported posts into new URLs', () => {
    const md = read('articles/wordpress/video-roundup.md');
    for (const id of ['SynthVid001', 'SynthVid002', 'SynthVid003'])
      expect(md).toContain(`(https://www.youtube.com/watch?v=${id})`);
    expect(md).toContain('(https://x.com/synthetic_acct/status/1234567890)');
    expect(md).not.toMatch(/<iframe|<script|\[embed\]/);
    expect(md).toContain('[mirror layout post](/articles/wordpress/mirror-layout/)');
    expect(md).toContain('[the same post by id](/articles/wordpress/mirror-layout/)');
    expect(md).toContain('(https://other.example.net/page)');
    expect(md).toContain('![](https://images.example.net/photos/synthetic-rack.jpg)');
    expect(reports.wordpress!.remoteImageHosts).toEqual(['images.example.net']);
  });

  it('lists what needs a human, per class', () => {
    expect(classes(reports.wordpress)).toEqual(
      new Set([
        'draft',
        'duplicate-slug',
        'duplicate-title',
        'link-to-old-site',
        'missing-alt',
        'missing-date',
        'shortcode',
        'raw-html',
      ]),
    );
    const report = read('imports/wordpress/report.md');
    expect(report).toContain('### missing-alt (2)');
    expect(report).toContain('[gallery ids="12,13"] removed');
  });

  it('writes a mapping file with suggestions and unmapped names', () => {
    const mapping = read('imports/wordpress/mapping.yaml');
    expect(mapping).toContain('  # as suggested: review\n  Debian:\n    distros:\n      - debian');
    expect(mapping).toContain('  # unmapped\n  Test Writer One: null');
    expect(read('articles/wordpress/mirror-layout.md')).toContain('distros:\n  - debian\n');
    expect(reports.wordpress!.unmapped.map((u) => `${u.kind}:${u.name}`)).toContain('author:Test Writer One');
  });
});

describe('importing the Jekyll fixture', () => {
  it('skips bad YAML and empty files, drafts unpublished and undated posts', () => {
    const r = reports.jekyll!;
    expect(r.skipped.map((s) => `${s.file} ${s.class}`).sort()).toEqual([
      '_posts/2019-05-03-bad-yaml.md bad-front-matter',
      '_posts/2019-05-04-empty.md empty',
    ]);
    expect(r.skipped[0]?.message).toContain('front matter line 3');
    expect(
      r.imported
        .filter((i) => i.draft)
        .map((i) => i.article)
        .sort(),
    ).toEqual([
      'articles/jekyll/draft-in-progress.md',
      'articles/jekyll/no-date-here.md',
      'articles/jekyll/unpublished.md',
    ]);
  });

  it('gives identical titles distinct slugs and redirects a duplicate permalink to the first post only', () => {
    const r = reports.jekyll!;
    expect(r.imported.map((i) => i.article)).toContain('articles/jekyll/same-title-2.md');
    expect(read('articles/jekyll/same-title.md')).toContain('title: Same synthetic title\n');
    expect(read('articles/jekyll/same-title-2.md')).toContain('title: Same synthetic title (2019-05-06)\n');
    expect(classes(r).has('duplicate-title')).toBe(true);
    expect(r.imported.map((i) => i.article)).toContain('articles/jekyll/uberblick-spiegel.md');
    expect(read('articles/jekyll/permalink-a.md')).toContain('    - /special/shared-path/\n    - /old/owner/\n');
    expect(read('articles/jekyll/permalink-b.md')).not.toContain('paths:');
    expect(classes(r).has('duplicate-permalink')).toBe(true);
  });

  it('converts kramdown, Liquid and raw HTML links and images', () => {
    const md = read('articles/jekyll/kramdown-quirks.md');
    expect(md).not.toMatch(/\{:|\{%|\{\{ site|TOC|\{#custom-id\}/);
    expect(md).toContain('[the second post](/articles/jekyll/second-post/)');
    expect(md).toContain('<a href="/articles/jekyll/second-post/">Raw HTML link to the second post</a>');
    expect(md).toMatch(/a raw image: !\[\]\(\.\/media\/[0-9a-f]{6}-diagram\.png\)/);
    expect(md).toContain('echo "{{ kept as written }}"');
    expect(md).toContain('the module path mirror.example.org::synthetic/dists stays as written.');
    expect(md).toContain('🐧 🎉');
    expect(md).toContain('(https://cdn.example.net/notes.txt)');
    expect(md).toContain('## Heading with an id\n');
  });
});

describe('importing the Hugo fixture', () => {
  it('reads TOML, YAML and JSON front matter, bundles and non-ASCII names', () => {
    const r = reports.hugo!;
    expect(r.skipped.map((s) => `${s.file} ${s.class}`).sort()).toEqual([
      '_index.md list-page',
      'posts/_index.md list-page',
      'posts/bad-toml.md bad-front-matter',
      'posts/empty.md empty',
    ]);
    const articles = r.imported.map((i) => i.article);
    expect(articles).toContain('articles/hugo/json-front-matter.md');
    expect(articles.some((a) => /^articles\/hugo\/post-2020-07-01-[0-9a-f]{6}\.md$/.test(a))).toBe(true);
    expect(read('articles/hugo/bundle-post.md')).toMatch(
      /!\[A made-up chart used as a test image\]\(\.\/media\/[0-9a-f]{6}-chart\.png\)/,
    );
    expect(read('articles/hugo/shortcode-tour.md')).toContain('    - /2020/02/shortcode-tour.html\n');
  });
});

describe('re-running', () => {
  it('gives the same files on another day, and keeps an edited article unless forced', () => {
    const before = snapshot();
    for (const from of ['wordpress', 'jekyll', 'hugo'] as const) run(from, '2027-01-15');
    expect(snapshot()).toEqual(before);

    const file = join(content, 'articles/jekyll/second-post.md');
    const edited = readFileSync(file, 'utf8').replace(
      'A second synthetic test post.',
      'A second synthetic test post, edited.',
    );
    writeFileSync(file, edited);
    const again = run('jekyll', '2027-01-15');
    expect(again.imported.find((i) => i.article.endsWith('second-post.md'))?.status).toBe('kept-edited');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    run('jekyll', '2027-01-15', true);
    expect(readFileSync(file, 'utf8')).not.toContain('edited.');
  }, 30_000);
});
