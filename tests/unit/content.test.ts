/**
 * Checks over the real archive in content/: every file through the real schemas, plus what a schema cannot see on
 * one file alone (unique titles and URLs, internal links between articles, dates across the database).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schemas/article.ts';
import { distroSchema } from '../../src/schemas/distro.ts';
import { authorSchema, seriesSchema, topicSchema } from '../../src/schemas/people.ts';
import { idRef, idsInFolder, idsInYamlList } from '../../src/schemas/refs.ts';
import { buildClock } from '../../src/lib/clock.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const now = buildClock({});
const refs = {
  authors: idRef('desk', idsInFolder(`${CONTENT}/authors`, '.yaml'), 'content/authors/'),
  distros: idRef('distribution', idsInFolder(`${CONTENT}/distros`, '.yaml'), 'content/distros/'),
  topics: idRef('topic', idsInYamlList(`${CONTENT}/topics.yaml`), 'content/topics.yaml'),
  series: idRef('series', idsInYamlList(`${CONTENT}/series.yaml`), 'content/series.yaml'),
};
const schema = articleSchema(refs, z.string(), { now });

const articleFiles = readdirSync(`${CONTENT}/articles`).filter((f) => /\.mdx?$/.test(f));
const articles = articleFiles.map((file) => {
  const source = readFileSync(`${CONTENT}/articles/${file}`, 'utf8');
  const { frontmatter, content } = parseFrontmatter(source);
  return {
    file,
    id: file.replace(/\.mdx?$/, ''),
    raw: frontmatter,
    body: content,
    parsed: schema.safeParse(frontmatter),
  };
});
const distroFiles = readdirSync(`${CONTENT}/distros`).filter((f) => f.endsWith('.yaml'));
const distros = distroFiles.map((file) => ({
  file,
  id: file.replace(/\.yaml$/, ''),
  parsed: distroSchema(refs.distros).safeParse(parseYaml(readFileSync(`${CONTENT}/distros/${file}`, 'utf8'))),
}));
const fmt = (r: { success: boolean; error?: z.ZodError }) =>
  r.success ? '' : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

describe('the archive', () => {
  it('holds at least 30 articles across at least 12 distributions and all four types', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    const ok = articles.filter((a) => a.parsed.success).map((a) => a.parsed.data!);
    expect(new Set(ok.flatMap((a) => a.distros)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(ok.map((a) => a.type))).toEqual(new Set(['news', 'analysis', 'guide', 'opinion']));
    const years = new Set(ok.map((a) => a.pubDate.getUTCFullYear()));
    for (const y of [2023, 2024, 2025]) expect(years).toContain(y);
  });

  it.each(articles.map((a) => [a.file, a] as const))('%s passes the article schema', (_, a) => {
    expect(fmt(a.parsed)).toBe('');
  });

  it('every article cites at least one source by absolute https URL', () => {
    const bad = articles.filter((a) => !a.parsed.data?.sources.some((s) => s.url.startsWith('https://')));
    expect(bad.map((a) => a.file)).toEqual([]);
  });

  it('no two articles share a title or a URL', () => {
    const titles = articles.map((a) => String(a.raw.title).trim().toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    const ids = articles.map((a) => a.id.toLowerCase());
    expect(ids.filter((t, i) => ids.indexOf(t) !== i)).toEqual([]);
  });

  it('no publication date lies in the future unless the article is scheduled', () => {
    const future = articles.filter((a) => a.parsed.data && a.parsed.data.pubDate > now && !a.parsed.data.scheduled);
    expect(future.map((a) => a.file)).toEqual([]);
  });

  it('every internal link in an article body points at something that exists', () => {
    const topicIds = new Set(idsInYamlList(`${CONTENT}/topics.yaml`));
    const seriesIds = new Set(idsInYamlList(`${CONTENT}/series.yaml`));
    const articleIds = new Set(articles.map((a) => a.id));
    const distroIds = new Set(distros.map((d) => d.id));
    const authorIds = new Set(idsInFolder(`${CONTENT}/authors`, '.yaml'));
    const known: Record<string, Set<string>> = {
      articles: articleIds,
      distros: distroIds,
      topics: topicIds,
      series: seriesIds,
      authors: authorIds,
    };
    const broken: string[] = [];
    for (const a of articles) {
      for (const m of a.body.matchAll(/\]\((\/[^)\s#]*)(#[^)\s]*)?\)|href="(\/[^"#]*)/g)) {
        const path = m[1] ?? m[3]!;
        const parts = path.split('/').filter(Boolean);
        const ok =
          (parts.length === 2 && known[parts[0]!]?.has(parts[1]!) && path.endsWith('/')) ||
          (parts.length === 1 &&
            ['news', 'analysis', 'guides', 'opinion', 'distros', 'topics', 'archive', 'search', 'feeds'].includes(
              parts[0]!,
            ) &&
            path.endsWith('/'));
        if (!ok) broken.push(`${a.file}: ${path}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the distribution database', () => {
  it('holds at least 20 distributions', () => expect(distros.length).toBeGreaterThanOrEqual(20));

  it.each(distros.map((d) => [d.file, d] as const))('%s passes the distribution schema', (_, d) => {
    expect(fmt(d.parsed)).toBe('');
  });

  it('release-model notes speak to readers: no schema field names, no ISO dates (hubs show them as written)', () => {
    const bad: string[] = [];
    for (const d of distros) {
      const note = d.parsed.data?.releaseModelNote ?? '';
      for (const m of note.match(/\b(supportEnd|eol|latestDate|released)\b|\d{4}-\d{2}-\d{2}/g) ?? [])
        bad.push(`${d.file}: releaseModelNote says "${m}"`);
    }
    expect(bad).toEqual([]);
  });

  it('release and end-of-life dates are ordered and none is released after the build date', () => {
    const bad: string[] = [];
    for (const d of distros) {
      for (const r of d.parsed.data?.releases ?? []) {
        if (r.released > now) bad.push(`${d.id} ${r.version}: released in the future`);
        if (r.eol && r.eol <= r.released) bad.push(`${d.id} ${r.version}: eol before release`);
        if (r.supportEnd && r.eol && r.eol < r.supportEnd) bad.push(`${d.id} ${r.version}: eol before supportEnd`);
      }
      // Within one major line a later version is not released before an earlier one (across lines it may be:
      // SLES 12 SP5 came out after SLES 15 SP1).
      const numeric = (d.parsed.data?.releases ?? []).filter((r) => /^\d+(\.\d+)?$/.test(r.version));
      const major = (v: string) => v.split('.')[0]!;
      const byVersion = [...numeric].sort((a, b) => Number(a.version) - Number(b.version));
      for (let i = 1; i < byVersion.length; i++) {
        const [prev, cur] = [byVersion[i - 1]!, byVersion[i]!];
        if (major(prev.version) === major(cur.version) && cur.released < prev.released)
          bad.push(`${d.id}: ${cur.version} released before ${prev.version}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every lineage reference is another distribution, never itself', () => {
    const self = distros.filter((d) => {
      const p = d.parsed.data;
      return p && (p.basedOn.includes(d.id) || p.rebuiltFrom === d.id || p.upstream === d.id);
    });
    expect(self.map((d) => d.id)).toEqual([]);
  });
});

describe('registries', () => {
  it('authors, topics and series pass their schemas', () => {
    for (const f of idsInFolder(`${CONTENT}/authors`, '.yaml')) {
      expect(fmt(authorSchema.safeParse(parseYaml(readFileSync(`${CONTENT}/authors/${f}.yaml`, 'utf8'))))).toBe('');
    }
    for (const t of parseYaml(readFileSync(`${CONTENT}/topics.yaml`, 'utf8')))
      expect(fmt(topicSchema.safeParse(t))).toBe('');
    for (const s of parseYaml(readFileSync(`${CONTENT}/series.yaml`, 'utf8')))
      expect(fmt(seriesSchema.safeParse(s))).toBe('');
  });
});
