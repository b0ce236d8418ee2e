/**
 * Nothing a build computes over the archive may grow faster than the archive: the listings (sections,
 * distributions, topics, series, desks, the dated archive), the feed scopes and everything an article page asks
 * for. Timing would be flaky on a shared machine, so this counts work instead: every read of an article's front
 * matter (`entry.data`), over an archive of n and of 4n articles. Linear work reads each article a fixed number of
 * times whatever the size (sorting adds a log factor); computing something per article over the whole archive
 * reads each article four times as often at 4n. Related coverage walks its own index and has its own guard
 * (related.test.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const STATE = vi.hoisted(() => ({
  collections: {} as Record<string, unknown[]>,
  reads: 0,
}));

vi.mock('astro:content', () => ({
  getCollection: vi.fn(async (name: string, filter?: (e: unknown) => boolean) => {
    const list = STATE.collections[name] ?? [];
    return filter ? list.filter(filter) : [...list];
  }),
}));

const DISTROS = ['debian', 'ubuntu', 'fedora', 'almalinux', 'rocky-linux', 'arch', 'alpine', 'opensuse'];
const TOPICS = ['security', 'releases', 'lifecycle', 'kernel', 'desktop', 'packaging'];
const DESKS = ['news-desk', 'analysis-desk', 'guides-desk'];
const TYPES = ['news', 'analysis', 'guide', 'opinion'];
const DAY = 86_400_000;

/** An archive of n articles, one a day; every tenth belongs to a series of five (more series as it grows). */
function archive(n: number) {
  const seriesIds = new Set<string>();
  const articles = Array.from({ length: n }, (_, i) => {
    const series = i % 10 === 0 ? `series-${Math.floor(i / 50)}` : undefined;
    if (series) seriesIds.add(series);
    const data = {
      title: `Article ${i}`,
      description: `What article ${i} is about, in one sentence.`,
      pubDate: new Date(Date.UTC(2016, 0, 1) + i * DAY),
      authors: [DESKS[i % DESKS.length]],
      distros: [DISTROS[i % DISTROS.length], DISTROS[(i * 7 + 3) % DISTROS.length]],
      topics: [TOPICS[(i * 5) % TOPICS.length]],
      type: TYPES[i % TYPES.length],
      ...(series ? { series } : {}),
      draft: false,
      scheduled: false,
      sources: [],
      updates: [],
    };
    return {
      id: `article-${i}`,
      collection: 'articles',
      body: 'word '.repeat(300),
      get data() {
        STATE.reads++;
        return data;
      },
    };
  });
  const named = (collection: string, ids: readonly string[], extra: Record<string, unknown> = {}) =>
    ids.map((id) => ({ id, collection, data: { name: `Name of ${id}`, description: `About ${id}.`, ...extra } }));
  return {
    articles,
    distros: named('distros', DISTROS, { family: 'debian', releases: [] }),
    topics: named('topics', TOPICS),
    authors: named('authors', DESKS, { bio: 'A desk.' }),
    series: named('series', [...seriesIds]),
  };
}

/** Front-matter reads per article for everything the listings, feeds and article pages of one build compute. */
async function readsPerArticle(n: number): Promise<number> {
  STATE.collections = archive(n);
  // Each size gets fresh modules: their per-build caches must not carry over.
  vi.resetModules();
  const content = await import('../../src/lib/content.ts');
  const { feedScopes } = await import('../../src/lib/scopes.ts');
  const { groupByMonth } = await import('../../src/lib/archive.ts');
  const { articlePage } = await import('../../src/lib/article-page.ts');
  STATE.reads = 0;

  const articles = await content.getArticles();
  expect(articles).toHaveLength(n);
  // Listings and feeds: the getStaticPaths of sections, distributions, topics and desks, the scopes of every feed.
  for (const type of TYPES) content.articlesOfType(articles, type as never);
  for (const id of DISTROS) content.articlesWithDistro(articles, id);
  for (const id of TOPICS) content.articlesWithTopic(articles, id);
  for (const id of DESKS) content.articlesByAuthor(articles, id);
  const scopes = await feedScopes();
  // The dated archive.
  const years = groupByMonth(articles);
  // Every article page: read model, related coverage, series navigation.
  let inSeries = 0;
  for (const article of articles) {
    const page = await articlePage(article);
    if (page.series) {
      inSeries++;
      expect(page.series.items.map((a) => a.id)).toContain(article.id);
    }
  }
  // The work really was done: every article is in the archive's years, a tenth of them in a series.
  expect(years.reduce((sum, y) => sum + y.count, 0)).toBe(n);
  expect(inSeries).toBe(n / 10);
  expect(scopes.filter((s) => s.kind === 'series')).toHaveLength(n / 50);
  return STATE.reads / n;
}

beforeEach(() => {
  vi.stubEnv('BUILD_DATE', '2026-11-25');
  vi.stubEnv('DEV', false);
});

describe('work per article as the archive grows', () => {
  it('reads each article a number of times that does not grow with the archive (no O(n²) listing)', async () => {
    const small = await readsPerArticle(500);
    const large = await readsPerArticle(2000);
    // Measured: 53 reads per article at both sizes. Filtering the whole archive for every article page of a series
    // and for every series' feed scope (as before) read 112 times per article at n and 292 at 4n (2.6 times as
    // many); the feed scopes alone, 1.5 times as many.
    expect(large / small).toBeLessThan(1.2);
  }, 60_000);
});
