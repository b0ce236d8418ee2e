import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { idRef } from '../../src/schemas/refs.ts';
import {
  LOCAL_BANKS,
  countWords,
  generateArchive,
  zipfPick,
  serializeArticle,
  slugify,
  touchArticle,
  type ArchiveRefs,
} from '../../scripts/bench/lib/generator.ts';
import { parseAstroLog } from '../../scripts/bench/lib/astro-log.ts';
import { addOnDisk } from '../../scripts/bench/lib/archive.ts';
import { BENCH_BUILD_DATE, type BuildMeasure } from '../../scripts/bench/lib/astro-build.ts';
import { publishing } from '../../scripts/bench/lib/report.ts';
import { archiveQueries, articlesOnDisk } from '../../scripts/bench/lib/queries.ts';
import { createRng } from '../../scripts/bench/lib/prng.ts';
import * as V from '../../scripts/bench/lib/vocabulary.ts';

const archiveRefs: ArchiveRefs = {
  authors: ['news-desk', 'guides-desk', 'enterprise-desk'],
  distros: [
    { id: 'almalinux', name: 'AlmaLinux OS', family: 'red-hat', website: 'https://almalinux.org/' },
    { id: 'debian', name: 'Debian', family: 'debian', website: 'https://www.debian.org/' },
    { id: 'arch', name: 'Arch Linux', family: 'arch' },
    { id: 'nixos', name: 'NixOS', family: 'independent', website: 'http://nixos.org' },
  ],
  topics: ['compatibility', 'lifecycle', 'releases', 'security'],
  series: ['rhel-source-change'],
};

// The real article schema, with reference validators over the ids the generator was given.
const schema = articleSchema(
  {
    authors: idRef('desk', archiveRefs.authors, 'content/authors/<id>.yaml'),
    distros: idRef(
      'distribution',
      archiveRefs.distros.map((d) => d.id),
      'content/distros/<id>.yaml',
    ),
    topics: idRef('topic', archiveRefs.topics, 'content/topics.yaml'),
    series: idRef('series', archiveRefs.series, 'content/series.yaml'),
  },
  z.string(),
  // The build clock of the benchmark builds (BUILD_DATE=2026-11-25): no generated article is in the future.
  { now: new Date('2026-11-25T00:00:00Z') },
);

const frontMatterOf = (file: string) => {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(file);
  if (!m) throw new Error('no front matter');
  return parseYaml(m[1]!) as unknown;
};

const archive = generateArchive(600, { seed: 7, refs: archiveRefs });

// Generating and scanning hundreds of articles takes seconds, more on a busy machine with coverage on.
describe('bench archive generator', { timeout: 30_000 }, () => {
  it('writes front matter that the real article schema accepts', () => {
    for (const a of archive) {
      const parsed = schema.safeParse(frontMatterOf(serializeArticle(a)));
      if (!parsed.success)
        throw new Error(`${a.slug}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      expect(schema.safeParse(a.frontMatter).success).toBe(true);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateArchive(50, { seed: 7, refs: archiveRefs });
    expect(again.map(serializeArticle)).toEqual(archive.slice(0, 50).map(serializeArticle));
    const other = generateArchive(50, { seed: 8, refs: archiveRefs });
    expect(other.map((a) => a.slug)).not.toEqual(again.map((a) => a.slug));
  });

  it('makes a smaller archive the prefix of a larger one', () => {
    const small = generateArchive(100, { seed: 7, refs: archiveRefs });
    expect(small.map(serializeArticle)).toEqual(archive.slice(0, 100).map(serializeArticle));
  });

  it('mixes about one .mdx in ten, and only .mdx files use components', () => {
    const mdx = archive.filter((a) => a.ext === 'mdx');
    expect(mdx.length / archive.length).toBeGreaterThan(0.06);
    expect(mdx.length / archive.length).toBeLessThan(0.14);
    for (const a of mdx) {
      expect(a.body).toContain('<Callout type="');
      expect(a.body).toMatch(/<Timeline>\n {2}<TimelineEntry date="\d{4}-\d{2}-\d{2}" title="[^"]+">/);
    }
    for (const a of archive.filter((x) => x.ext === 'md')) expect(a.body).not.toMatch(/<[A-Z]/);
  });

  it('keeps MDX bodies free of characters MDX would parse as JSX or expressions', () => {
    for (const a of archive.filter((x) => x.ext === 'mdx')) {
      const prose = a.body
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`]*`/g, '')
        .replace(/<\/?(Callout|Timeline|TimelineEntry)\b[^>]*>/g, '');
      expect(prose).not.toMatch(/[<>{}]/);
    }
  });

  it('has unique titles and slugs, dates in range and realistic length', () => {
    expect(new Set(archive.map((a) => a.frontMatter.title)).size).toBe(archive.length);
    expect(new Set(archive.map((a) => a.slug)).size).toBe(archive.length);
    for (const a of archive) {
      expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(a.frontMatter.pubDate >= '2016-01-01' && a.frontMatter.pubDate <= '2026-11-25').toBe(true);
      if (a.frontMatter.updatedDate) expect(a.frontMatter.updatedDate <= '2026-11-25').toBe(true);
      expect(a.words).toBeGreaterThanOrEqual(400);
      expect(a.words).toBeLessThanOrEqual(1500);
      expect(a.frontMatter.sources.length).toBeGreaterThanOrEqual(1);
      expect(a.frontMatter.sources.length).toBeLessThanOrEqual(2);
      for (const s of a.frontMatter.sources) expect(s.url).toMatch(/^https:\/\//);
    }
    const years = new Set(archive.map((a) => a.frontMatter.pubDate.slice(0, 4)));
    expect(years.size).toBe(11);
  });

  it('writes GFM tables, ## and ### headings and fenced code with a language', () => {
    const bodies = archive.map((a) => a.body).join('\n');
    expect(bodies).toMatch(/^\| --- \|/m);
    expect(bodies).toMatch(/^## \S/m);
    expect(bodies).toMatch(/^### \S/m);
    expect(bodies).toMatch(/^```(bash|ini|yaml)$/m);
    for (const a of archive) expect(a.body).not.toMatch(/^# /m);
  });

  it('does not repeat paragraphs across the archive', () => {
    const paras = archive.flatMap((a) => a.body.split('\n\n').filter((p) => countWords(p) > 30));
    expect(new Set(paras).size / paras.length).toBeGreaterThan(0.99);
  });

  it('only links to earlier articles of the archive', () => {
    const slugs = new Set(archive.map((a) => a.slug));
    for (const a of archive) {
      for (const m of a.body.matchAll(/\]\((\/[^)]*)\)/g)) {
        expect(m[1]).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
        expect(slugs.has(m[1]!.split('/')[2]!)).toBe(true);
      }
    }
  });

  it('changes only the body when an article is touched', () => {
    const a = archive[0]!;
    const t = touchArticle(a, 'x');
    expect(t.frontMatter).toEqual(a.frontMatter);
    expect(t.body).not.toBe(a.body);
  });

  it('draws words with Zipf weights: rank r about 1 / r^1.1 as often as rank 1', () => {
    const rng = createRng(3);
    const list = Array.from({ length: 20 }, (_, i) => i);
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < 40_000; i++) counts[zipfPick(rng, list)]!++;
    for (const r of [2, 4, 8]) expect(counts[r - 1]! / counts[0]!).toBeCloseTo(1 / Math.pow(r, 1.1), 1);
  });

  it('spreads words over the archive like real text: a few in most articles, most in few', () => {
    // Share of articles whose prose uses each word bank entry, per bank, in bank (rank) order.
    const prose = archive.map((a) => a.body.toLowerCase());
    const share = (w: string) => {
      const re = new RegExp(`(^|[^a-z0-9-])${w.toLowerCase().replace(/[.+]/g, '\\$&')}([^a-z0-9-]|$)`);
      return prose.filter((b) => re.test(b)).length / prose.length;
    };
    for (const bank of ['NOUNS', 'ADJECTIVES', 'VERBS_PAST', 'COMPONENTS'] as const) {
      const shares = V[bank].map(share);
      const head = shares.slice(0, 3);
      const tail = shares.slice(Math.floor(shares.length / 2));
      expect(Math.max(...head), bank).toBeGreaterThan(0.25);
      expect(tail.reduce((s, x) => s + x, 0) / tail.length, bank).toBeLessThan(0.1);
      expect(Math.min(...shares), bank).toBeLessThan(0.05);
    }
    expect(Object.keys(LOCAL_BANKS).every((b) => b in V)).toBe(true);
  });

  it('makes typical search words match a minority of articles, not most of them', () => {
    // Whole words, as Pagefind matches them; before the Zipf vocabulary most of these matched 50 to 95 %.
    const text = archive.map((a) => serializeArticle(a).toLowerCase());
    const share = (word: string) =>
      text.filter((t) => new RegExp(`(^|[^a-z0-9-])${word}([^a-z0-9-]|$)`).test(t)).length / text.length;
    const shares = ['migration', 'firmware', 'governance', 'wayland', 'selinux', 'rolling'].map(share);
    expect(shares.filter((x) => x < 0.5)).toHaveLength(shares.length);
    expect(shares.filter((x) => x < 0.1).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...shares)).toBeGreaterThan(0.2);
  });

  it('slugifies titles', () => {
    expect(slugify('AlmaLinux OS 9.4 released with GNOME 46')).toBe('almalinux-os-9-4-released-with-gnome-46');
  });
});

describe('astro log parser', () => {
  it('extracts phase timings', () => {
    const log = [
      { t: 100, line: '02:05:18 [content] Syncing content' },
      { t: 2100, line: '02:05:19 [content] Synced content' },
      { t: 2300, line: '02:05:19 [types] Generated 1.86s' },
      { t: 2400, line: '02:05:19 [build] Building static entrypoints...' },
      { t: 5400, line: '02:05:19 [vite] \u001b[32m✓ built in 528ms\u001b[39m' },
      { t: 5500, line: ' generating static routes ' },
      { t: 9500, line: '02:05:20 ✓ Completed in 3.99s.' },
      {
        t: 9550,
        line: '02:17:54 [downstream:social-images] wrote 200 social images (9009 kB), the default image and 5 icons in 7489 ms',
      },
      { t: 9600, line: '02:05:20 [downstream:pagefind] indexed 1033 pages in 1104 ms' },
      { t: 9700, line: '02:05:20 [build] 1033 page(s) built in 9.6s' },
    ];
    const p = parseAstroLog(log);
    expect(p.contentSyncMs).toBe(2000);
    expect(p.typesMs).toBe(1860);
    expect(p.bundleMs).toBe(3100);
    expect(p.renderMs).toBe(3990);
    expect(p.pagefindMs).toBe(1104);
    expect(p.pagefindPages).toBe(1033);
    expect(p.pages).toBe(1033);
    expect(p.astroTotalMs).toBe(9600);
    expect(p.postRenderMs).toBe(200);
    expect(p.integrations).toEqual({ 'social-images': 7489, pagefind: 1104 });
    expect(p.cacheCleared).toBeUndefined();
    const cleared = parseAstroLog([
      { t: 1, line: '02:36:18 [content] Syncing content' },
      { t: 2, line: '02:36:18 [content] Astro config changed' },
      { t: 3, line: '02:36:18 [content] Clearing content store' },
    ]);
    expect(cleared.cacheCleared).toEqual(['Astro config changed']);
  });
});

describe('hugo reference', () => {
  it('turns MDX into Markdown without touching the front matter', async () => {
    const { mdxToMarkdown } = await import('../../scripts/bench/lib/hugo.ts');
    const a = archive.find((x) => x.ext === 'mdx')!;
    const text = serializeArticle(a);
    const md = mdxToMarkdown(text);
    expect(md).not.toMatch(/<\/?(Callout|Timeline|TimelineEntry)\b/);
    expect(frontMatterOf(md)).toEqual(frontMatterOf(text));
  });
});

describe('memory by phase', () => {
  it('attributes samples to the phase whose closing line follows them', async () => {
    const { peakByPhase } = await import('../../scripts/bench/lib/astro-log.ts');
    const lines = [
      { t: 1000, line: '[content] Synced content' },
      { t: 2000, line: ' generating static routes ' },
      { t: 3000, line: '✓ Completed in 1.00s.' },
      { t: 4000, line: '[WARN] [downstream:social-images] headline cut' },
      { t: 5000, line: '[downstream:social-images] wrote 3 social images in 2000 ms' },
    ];
    const timeline: [number, number][] = [
      [500, 10],
      [1500, 20],
      [2500, 30],
      [3500, 80],
      [4500, 50],
      [9000, 99],
    ];
    const p = peakByPhase(lines, timeline, 9000);
    expect(p.map((x) => x.phase)).toEqual([
      'content sync (from start)',
      'bundle',
      'render pages',
      'social-images',
      'until exit (after social-images)',
    ]);
    expect(p.map((x) => x.peakBytes)).toEqual([10, 20, 30, 80, 99]);
  });
});

describe('process tree CPU', () => {
  const stat = (pid: number, comm: string, ppid: number, start: number, u: number, s: number, cu = 0, cs = 0) =>
    // Fields 1..24 of /proc/<pid>/stat; the rest are zeros.
    `${pid} (${comm}) S ${ppid} 0 0 0 0 0 0 0 0 0 ${u} ${s} ${cu} ${cs} 0 0 1 0 ${start} 0 256`;

  it('parses /proc/<pid>/stat, command names with spaces and parentheses included', async () => {
    const { parseStat } = await import('../../scripts/bench/lib/measure.ts');
    expect(parseStat(stat(7, 'node (x) y', 3, 99, 120, 30, 5, 1))).toEqual({
      ppid: 3,
      rss: 256 * 4096,
      comm: 'node (x) y',
      start: 99,
      utime: 120,
      stime: 30,
      cutime: 5,
      cstime: 1,
    });
  });

  it('counts a backend left running by its parent once, and reaped children once', async () => {
    const { parseStat, TreeTracker } = await import('../../scripts/bench/lib/measure.ts');
    const procs = (...lines: string[]) => new Map(lines.map((l) => [Number(l.split(' ')[0]), parseStat(l)]));
    const t = new TreeTracker(10);
    // time (10) → node (11) → pagefind (12); a short-lived child 13 of node.
    expect(
      t.sample(
        procs(
          stat(10, 'time', 1, 5, 0, 0),
          stat(11, 'node', 10, 6, 500, 50),
          stat(12, 'pagefind_extended', 11, 7, 40, 2),
          stat(13, 'sh', 11, 8, 3, 1),
        ),
      ).cpuTicks,
    ).toBe(596);
    // 13 exits and node reaps it (its time moves into node's cutime): no double count.
    expect(
      t.sample(
        procs(
          stat(10, 'time', 1, 5, 0, 0),
          stat(11, 'node', 10, 6, 600, 60, 3, 1),
          stat(12, 'pagefind_extended', 11, 7, 80, 4),
        ),
      ).cpuTicks,
    ).toBe(748);
    // node exits without reaping pagefind, which is reparented to init and keeps running.
    t.sample(procs(stat(10, 'time', 1, 5, 0, 0, 700, 70), stat(12, 'pagefind_extended', 1, 7, 90, 5)));
    expect(t.orphans().map((o) => [o.comm, o.user + o.sys])).toEqual([['pagefind_extended', 95]]);
    // A pid reused by an unrelated process is not the orphan.
    t.sample(procs(stat(12, 'bash', 1, 999, 1, 1)));
    expect(t.orphans().map((o) => [o.comm, o.alive, o.user + o.sys])).toEqual([['pagefind_extended', false, 95]]);
    expect(t.orphansAlive()).toBe(false);
  });

  it('splits CPU by phase from the cumulative timeline', async () => {
    const { cpuAt, peakByPhase } = await import('../../scripts/bench/lib/astro-log.ts');
    const cpu: [number, number][] = [
      [1000, 2],
      [2000, 6],
      [3000, 7],
    ];
    expect(cpuAt(cpu, 1500)).toBe(4);
    expect(cpuAt(cpu, 500)).toBe(1);
    expect(cpuAt(cpu, 9000)).toBe(7);
    const phases = peakByPhase(
      [
        { t: 1000, line: '[content] Synced content' },
        { t: 2000, line: ' generating static routes ' },
      ],
      [
        [500, 1],
        [1500, 1],
        [2500, 1],
      ],
      3000,
      cpu,
    );
    expect(phases.map((p) => [p.phase, p.cpuS])).toEqual([
      ['content sync (from start)', 2],
      ['bundle', 4],
      ['until exit (after bundle)', 1],
    ]);
  });
});

describe('publishing one article into an archive (the "added" warm build)', () => {
  it('writes the next generated article as the newest, valid under the real schema, and removes it again', () => {
    const tree = mkdtempSync(join(tmpdir(), 'ds-bench-add-'));
    try {
      mkdirSync(join(tree, 'articles'));
      const [first, next] = [archive[0]!, archive[1]!];
      writeFileSync(join(tree, 'articles', `${first.slug}.${first.ext}`), serializeArticle(first));
      const remove = addOnDisk(tree, next, BENCH_BUILD_DATE);
      const file = join(tree, 'articles', `${next.slug}.${next.ext}`);
      const data = frontMatterOf(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(String(data.pubDate)).toBe('2026-11-25');
      expect(data.title).toBe(next.frontMatter.title);
      expect(data.updatedDate).toBeUndefined();
      expect(schema.safeParse(data).success).toBe(true);
      expect(() => addOnDisk(tree, next, BENCH_BUILD_DATE)).toThrow('exists already');
      remove();
      expect(readdirSync(join(tree, 'articles'))).toEqual([`${first.slug}.${first.ext}`]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('reports each size’s changed and added builds beside its cold build', () => {
    const b = (kind: BuildMeasure['kind'], wallMs: number) =>
      ({
        kind,
        articles: 1000,
        ok: true,
        wallMs,
        cpuUserS: wallMs / 2000,
        cpuSysS: 0,
        peakTreeRssBytes: 2 ** 30,
        loadAvgBefore: 1,
      }) as BuildMeasure;
    const lines = publishing([b('cold', 60_000), b('warm', 30_000), b('added', 40_000)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^- 1,000 articles: one changed 30\.0 s wall, 15\.0 s CPU, .*; one added 40\.0 s wall, 20\.0 s CPU, .*; cold 60\.0 s wall/,
    );
  });
});

describe('search queries of a synthetic archive', { timeout: 30_000 }, () => {
  it('picks words held by 1-5 % of the articles, and pairs of other such words that occur together', () => {
    const picks = archiveQueries(archive);
    const holding = (query: string) =>
      archive.filter((a) => {
        const words = new Set(`${a.frontMatter.title}\n${a.body}`.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? []);
        return query.split(' ').every((w) => words.has(w));
      }).length;
    const singles = picks.filter((p) => !p.query.includes(' '));
    const pairs = picks.filter((p) => p.query.includes(' '));
    expect(singles).toHaveLength(8);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of picks) expect(holding(p.query), p.query).toBe(p.articles);
    for (const p of singles) {
      expect(p.articles).toBeGreaterThanOrEqual(0.01 * archive.length);
      expect(p.articles).toBeLessThanOrEqual(0.05 * archive.length);
    }
    for (const p of pairs) expect(p.articles).toBeGreaterThanOrEqual(1);
    expect(new Set(picks.map((p) => p.query)).size).toBe(picks.length);
  });

  it("picks the same queries from the archive written to disk (search on an earlier run's archive)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-queries-'));
    try {
      mkdirSync(join(dir, 'articles'));
      for (const a of archive) writeFileSync(join(dir, 'articles', `${a.slug}.${a.ext}`), serializeArticle(a));
      const fromDisk = articlesOnDisk(dir);
      expect(fromDisk).toHaveLength(archive.length);
      expect(archiveQueries(fromDisk)).toEqual(archiveQueries(archive));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
