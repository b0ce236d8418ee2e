import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { idRef } from '../../src/schemas/refs.ts';
import {
  countWords,
  generateArchive,
  serializeArticle,
  slugify,
  touchArticle,
  type ArchiveRefs,
} from '../../scripts/bench/lib/generator.ts';
import { parseAstroLog } from '../../scripts/bench/lib/astro-log.ts';

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

describe('bench archive generator', () => {
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
