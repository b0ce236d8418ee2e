import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  importClaimProblem,
  relaxedGatesUsed,
  relaxedPolicyArticles,
  splitByRelaxedPolicy,
  type ImportManifest,
} from '../../src/lib/imported.ts';
import { article, issues, validArticle } from './helpers.ts';

const provenance = {
  from: 'wordpress',
  url: 'https://news.example.org/2019/03/x/',
  paths: ['/2019/03/x/'],
  author: 'Test Writer One',
  on: '2026-11-30',
  hash: '0123456789abcdef',
};
const legacy = {
  ...validArticle(),
  description: 'Short legacy dek.',
  distros: [],
  topics: [],
  sources: [],
};

describe('imported articles: schema', () => {
  it('holds new articles to every gate', () => {
    expect(issues(article, legacy)).toEqual([
      'description: dek is shorter than 50 characters: write one or two full sentences',
      'distros: name at least one distribution from content/distros/',
      'topics: name at least one topic from content/topics.yaml',
      'sources: list at least one source: every fact must be traceable to one',
    ]);
  });

  it('relaxes exactly those gates for an article with provenance', () => {
    expect(issues(article, { ...legacy, imported: provenance })).toEqual([]);
  });

  it('still refuses what is not relaxed: an empty dek, an unknown id, a bad provenance block', () => {
    expect(issues(article, { ...legacy, description: ' ', imported: provenance })).toEqual([
      'description: a dek (one or two sentences) must not be empty',
    ]);
    expect(issues(article, { ...legacy, distros: ['nope'], imported: provenance })[0]).toMatch(
      /^distros\.0: unknown distribution "nope"/,
    );
    expect(issues(article, { ...legacy, imported: { ...provenance, hash: 'edited' } })).toEqual([
      'imported.hash: hash is written by the importer; do not edit it',
    ]);
    expect(issues(article, { ...legacy, imported: { ...provenance, paths: ['no-slash'] } })).toEqual([
      'imported.paths.0: an old path starts with / and has no spaces',
    ]);
  });
});

describe('imported articles: who may claim the relaxed policy', () => {
  const manifests = new Map<string, ImportManifest>([
    ['wordpress', { from: 'wordpress', articles: { 'wordpress/x': ['/2019/03/x/'] } }],
  ]);
  const dates = { pubDate: new Date('2019-03-04'), imported: { on: new Date('2026-11-30') } };

  it('accepts an article the importer listed', () => {
    expect(importClaimProblem('wordpress/x', dates, manifests)).toBeUndefined();
  });

  it('refuses a new article outside an import folder, one not in the manifest, and one published after its import', () => {
    expect(importClaimProblem('my-new-story', dates, manifests)).toMatch(
      /only for articles written by `npm run import`/,
    );
    expect(importClaimProblem('wordpress/new-story', dates, manifests)).toMatch(/does not list wordpress\/new-story/);
    expect(importClaimProblem('hugo/x', dates, manifests)).toMatch(/no content\/imports\/hugo\/manifest\.json/);
    expect(
      importClaimProblem(
        'wordpress/x',
        { pubDate: new Date('2026-12-01'), imported: { on: new Date('2026-11-30') } },
        manifests,
      ),
    ).toMatch(/published before it was imported/);
  });

  it('lists the relaxed gates an imported article relies on', () => {
    const a = {
      id: 'wordpress/x',
      file: 'x.md',
      pubDate: new Date('2019-03-04'),
      on: new Date('2026-11-30'),
      description: 'Short.',
      counts: { sources: 0, distros: 1, topics: 0 },
      paths: [],
      draft: false,
    };
    expect(relaxedGatesUsed(a)).toEqual(['short-description', 'no-sources', 'no-topics']);
  });
});

describe('imported articles: the one post-build rule (build and npm run check:dist)', () => {
  const p = (check: string, file: string, inContent = true) => ({ check, file, inContent, line: 1, message: check });
  const imported = new Map([['wordpress/x', {}]]);

  it('turns missing alt text in an imported article body into a warning, and nothing else', () => {
    const problems = [
      p('images', 'articles/wordpress/x/index.html'),
      p('images', 'articles/wordpress/x/index.html', false),
      p('links', 'articles/wordpress/x/index.html'),
      p('images', 'articles/my-new-story/index.html'),
      p('images', 'articles/wordpress/x/feed.xml'),
      p('images', 'index.html'),
    ];
    const { failing, relaxed } = splitByRelaxedPolicy(problems, imported);
    expect(relaxed).toEqual([problems[0]]);
    expect(failing).toEqual(problems.slice(1));
  });

  it('relaxes only articles whose import claim holds, and lists every false claim', () => {
    const content = mkdtempSync(join(tmpdir(), 'downstream-policy-'));
    const write = (rel: string, text: string) => {
      mkdirSync(join(content, rel, '..'), { recursive: true });
      writeFileSync(join(content, rel), text);
    };
    const fm = (on: string) =>
      `---\ntitle: T\npubDate: 2019-03-04\nimported:\n  from: wordpress\n  on: ${on}\n  hash: 0123456789abcdef\n---\n\nText.\n`;
    write('articles/wordpress/x.md', fm('2026-11-30'));
    write('articles/wordpress/fake.md', fm('2026-11-30'));
    write('articles/new-story.md', fm('2026-11-30'));
    write('articles/plain.md', '---\ntitle: P\npubDate: 2019-03-04\n---\n\nText.\n');
    write('imports/wordpress/manifest.json', JSON.stringify({ from: 'wordpress', articles: { 'wordpress/x': [] } }));
    const { articles, claims } = relaxedPolicyArticles(content);
    expect([...articles.keys()]).toEqual(['wordpress/x']);
    expect(claims).toHaveLength(2);
    expect(claims.join('\n')).toMatch(/new-story\.md: imported: is only for articles written by `npm run import`/);
    expect(claims.join('\n')).toMatch(/fake\.md: imported: claims an import, but .* does not list wordpress\/fake/);
  });
});
