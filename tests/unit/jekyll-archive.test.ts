import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  BODY_QUIRKS,
  FILE_QUIRKS,
  LOCAL_IMAGES,
  META_QUIRKS,
  generateJekyllArchive,
  quirkPlan,
  writeJekyllArchive,
  type Quirk,
} from '../../scripts/bench/lib/jekyll-archive.ts';
import { runImport } from '../../scripts/import/import.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Front matter of a post file as the YAML library reads it; undefined when the file has none or it is unreadable. */
function frontMatter(text: string): Record<string, unknown> | undefined | 'bad' {
  const m = text.match(/^---\n([\s\S]*?)\n---\n/);
  if (!m) return undefined;
  try {
    return parseYaml(m[1]!) as Record<string, unknown>;
  } catch {
    return 'bad';
  }
}

/** Counts each quirk by reading the files, independently of the generator's own bookkeeping. */
function countQuirks(files: Map<string, string | Uint8Array>): Record<Quirk, number> {
  const posts = [...files].filter(([p]) => /^_(posts|drafts)\//.test(p)) as [string, string][];
  const body = (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, '');
  const having = (re: RegExp, inBody = true) => posts.filter(([, t]) => re.test(inBody ? body(t) : t)).length;
  const fms = posts.map(([p, t]) => [p, frontMatter(t)] as const);
  const readable = fms.filter((x): x is readonly [string, Record<string, unknown>] => !!x[1] && x[1] !== 'bad');
  const repeated = (key: string) => {
    const values = readable.map(([, d]) => d[key]).filter((v) => typeof v === 'string');
    return values.filter((v) => values.indexOf(v) !== values.lastIndexOf(v)).length;
  };
  return {
    badYaml: fms.filter(([, d]) => d === 'bad').length,
    missingDate: readable.filter(
      ([p, d]) => p.startsWith('_posts/') && !/^\d{4}-\d{2}-\d{2}-/.test(basename(p)) && d.date === undefined,
    ).length,
    empty: posts.filter(([, t]) => !t.trim()).length,
    draftFile: posts.filter(([p]) => p.startsWith('_drafts/')).length,
    nonAsciiName: posts.filter(([p]) => /[^\x20-\x7e]/.test(p)).length,
    identicalTitle: repeated('title'),
    duplicatePermalink: repeated('permalink'),
    unpublished: readable.filter(([, d]) => d.published === false).length,
    liquidPostUrl: having(/\{% post_url \S+ %\}/),
    liquidHighlight: having(/\{% highlight \w+ %\}[\s\S]*?\{% endhighlight %\}/),
    liquidBaseurl: having(/\{\{ site\.baseurl \}\}/),
    kramdownIal: having(/\{:target="_blank"\}\n\{: \.note\}/),
    emoji: having(/ :[a-z_]+: /),
    relativeLink: having(/\]\(\.\.\/\.\.\//),
    rootRelativeLink: having(/\]\(\/\d{4}\/\d\d\/\d\d\/[^)]+\/\)/),
    protocolRelativeLink: having(/[^!]\[[^\]]+\]\(\/\/[^)]+\)/),
    rootRelativeImage: having(/!\[[^\]]+\]\(\/assets\/img\/[^)]+\.png\)/),
    protocolRelativeImage: having(/!\[[^\]]+\]\(\/\/[^)]+\)/),
    rawHtmlLink: having(/<a href="\/[^"]+">/),
    rawImageNoAlt: having(/^<img src="[^"]+">$/m),
    remoteImage: having(/!\[[^\]]+\]\(https:\/\/[^)]+\)/),
    embedStandalone: having(
      /^(\{% include youtube\.html id="\w+" %\}|<iframe src="https:\/\/www\.youtube\.com\/embed\/\w+"><\/iframe>)$/m,
    ),
    embedInline: having(
      /\w \(https:\/\/www\.youtube\.com\/watch\?v=\w+\) and \{% include tweet\.html url="[^"]+" %\} \w/,
    ),
    captionFigure: having(/<figure class="wp-caption"><img [^>]+><figcaption>[^<]+<\/figcaption><\/figure>/),
    rsyncText: having(/[\w.]+::[\w/]+/),
  };
}

// Generating and importing take seconds; a loaded machine (2 cores, 7 engineers) needs room.
describe('quirky Jekyll archive generator (scripts/bench/lib/jekyll-archive.ts)', { timeout: 60_000 }, () => {
  const a = generateJekyllArchive(2000, 7);

  it('is deterministic: the same seed gives the same files, another seed other files', () => {
    const again = generateJekyllArchive(2000, 7);
    expect([...again.files.keys()]).toEqual([...a.files.keys()]);
    for (const [p, c] of a.files) expect(again.files.get(p), p).toEqual(c);
    const other = generateJekyllArchive(2000, 8);
    const differing = [...other.files].filter(([p, c]) => a.files.get(p) !== c && typeof c === 'string');
    expect(differing.length).toBeGreaterThan(1500);
  });

  it('writes the planned number of posts over many years, with the config and local images', () => {
    const posts = [...a.files.keys()].filter((p) => /^_(posts|drafts)\//.test(p));
    expect(posts).toHaveLength(2000);
    expect(a.files.has('_config.yml')).toBe(true);
    for (const img of LOCAL_IMAGES)
      expect([...(a.files.get(`assets/img/${img}`) as Uint8Array).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const years = new Set(posts.map((p) => basename(p).match(/^(\d{4})-/)?.[1]).filter(Boolean));
    expect(years.size).toBeGreaterThanOrEqual(15);
  });

  it('carries each quirk exactly as often as the plan states, counted from the files', () => {
    const plan = quirkPlan(2000);
    expect(a.counts).toEqual(plan);
    expect(countQuirks(a.files)).toEqual(plan);
    for (const q of [...FILE_QUIRKS, ...BODY_QUIRKS, ...META_QUIRKS]) expect(plan[q], q).toBeGreaterThan(0);
  });

  it('scales the plan down for small archives and refuses tiny ones', () => {
    const small = generateJekyllArchive(200, 1);
    expect(countQuirks(small.files)).toEqual(quirkPlan(200));
    expect(quirkPlan(200).identicalTitle).toBe(2);
    expect(() => quirkPlan(50)).toThrow(/at least 100 posts/);
  });

  it('imports: broken files skipped, drafts kept as drafts, every other post an article', () => {
    const small = generateJekyllArchive(200, 3);
    const dir = mkdtempSync(join(tmpdir(), 'downstream-jekyll-gen-'));
    writeJekyllArchive(join(dir, 'site'), small);
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
    const report = runImport({
      from: 'jekyll',
      prefix: 'archive',
      input: join(dir, 'site'),
      contentDir: content,
      today: '2026-11-30',
      force: false,
    });
    const c = small.counts;
    const skipped = (cls: string) => report.skipped.filter((s) => s.class === cls).length;
    expect(skipped('bad-front-matter')).toBe(c.badYaml);
    expect(skipped('empty')).toBe(c.empty);
    expect(report.imported).toHaveLength(200 - c.badYaml - c.empty);
    expect(report.imported.filter((i) => i.draft)).toHaveLength(c.draftFile + c.unpublished + c.missingDate);
    const human = (cls: string) => report.needsHuman.filter((n) => n.class === cls).length;
    expect(human('duplicate-title')).toBe(c.identicalTitle / 2);
    expect(human('duplicate-permalink')).toBe(c.duplicatePermalink / 2);
    expect(report.remoteImageHosts).toEqual(['cdn.example.org', 'images.example.net', 'media.example.com']);
    // A post_url tag became the article URL of the post it named.
    const withPostUrl = [...small.files].find(([p, t]) => p.startsWith('_posts/') && /post_url/.test(String(t)))!;
    const entry = report.imported.find((i) => i.file === withPostUrl[0])!;
    const text = readFileSync(join(content, entry.article), 'utf8');
    expect(text).toMatch(/\[an earlier post\]\(\/articles\/archive\/[a-z0-9-]+\/\)/);
  });
});
