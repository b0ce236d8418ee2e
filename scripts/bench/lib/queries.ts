/**
 * Search queries a reader of a large archive would type: words neither in most articles nor in a handful, and pairs
 * of such words that occur together. Picked from the generated articles by document frequency, so they follow the
 * generator's vocabulary (a fixed list of common words such as "kernel" matches 60-70 % of a synthetic archive and
 * measures Pagefind's worst case instead).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** What query picking reads of an article. */
export interface QueryArticle {
  body: string;
  frontMatter: { title: string };
}

export interface QueryPick {
  query: string;
  /** Articles containing every word of the query. */
  articles: number;
}

export interface QueryOptions {
  /** Share of articles a single word must appear in (inclusive range). */
  band?: [number, number];
  singles?: number;
  pairs?: number;
  /** Minimum share of articles a pair must appear in together. */
  pairShare?: number;
}

/** Lower-case words of four letters or more: Pagefind's own stemming makes shorter words unreliable probes. */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\b[a-z][a-z]{3,}\b/g) ?? []);

/** Evenly spaced picks from a list (deterministic): the first, the last and the ones between. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / Math.max(1, n - 1))]!);
}

export function archiveQueries(
  articles: readonly QueryArticle[],
  { band = [0.01, 0.05], singles = 8, pairs = 4, pairShare = 0.002 }: QueryOptions = {},
): QueryPick[] {
  const docs = articles.map((a) => wordsOf(`${a.frontMatter.title}\n${a.body}`));
  const df = new Map<string, number>();
  for (const words of docs) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const [lo, hi] = band.map((share) => share * articles.length) as [number, number];
  const mid = [...df].filter(([, n]) => n >= lo && n <= hi).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen = spread(mid, singles).map(([query, n]) => ({ query, articles: n }));

  // Pairs among the most frequent mid-band words, by how many articles hold both.
  const candidates = mid.slice(0, 40).map(([w]) => w);
  const together = new Map<string, number>();
  for (const words of docs) {
    const present = candidates.filter((w) => words.has(w));
    for (let i = 0; i < present.length; i++)
      for (let j = i + 1; j < present.length; j++) {
        const key = `${present[i]} ${present[j]}`;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
  }
  const used = new Set(chosen.map((c) => c.query));
  const pairList = [...together]
    .filter(([key, n]) => n >= pairShare * articles.length && !key.split(' ').some((w) => used.has(w)))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const pairPicks = spread(pairList, pairs).map(([query, n]) => ({ query, articles: n }));
  return [...chosen, ...pairPicks];
}

/**
 * The articles of a content tree on disk (title and body), for picking queries when the bench measures search on an
 * archive an earlier run built (`--only search`) instead of one it generated itself.
 */
export function articlesOnDisk(contentDir: string): QueryArticle[] {
  const dir = join(contentDir, 'articles');
  return readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const fm = m ? (parseYaml(m[1]!) as { title?: unknown }) : {};
      return { body: m ? text.slice(m[0].length) : text, frontMatter: { title: String(fm.title ?? '') } };
    });
}
