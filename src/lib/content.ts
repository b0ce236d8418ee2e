/**
 * The one module that queries the content collections. Pages ask it for views; nothing else calls
 * getCollection(), so the visibility rule and sort order are applied once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildNow } from './clock.ts';
import { isPublished } from './visibility.ts';
import type { DistroFacts } from './lifecycle-facts.ts';
import type { ArticleType } from '../schemas/article.ts';
import { contentDir } from '../site.config.ts';

export type Article = CollectionEntry<'articles'>;
export type Distro = CollectionEntry<'distros'>;
export type Author = CollectionEntry<'authors'>;
export type Topic = CollectionEntry<'topics'>;
export type Series = CollectionEntry<'series'>;

const byNewest = (a: Article, b: Article) =>
  b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);

let articlesCache: Promise<Article[]> | undefined;

/** Every visible article, newest first. */
export function getArticles(): Promise<Article[]> {
  articlesCache ??= getCollection('articles', ({ data }) =>
    isPublished(data, { now: buildNow(), includeDrafts: import.meta.env.DEV }),
  ).then((list) => list.sort(byNewest));
  return articlesCache;
}

export const getDistros = async (): Promise<Distro[]> =>
  (await getCollection('distros')).sort((a, b) => a.data.name.localeCompare(b.data.name));
export const getAuthors = async (): Promise<Author[]> =>
  (await getCollection('authors')).sort((a, b) => a.data.name.localeCompare(b.data.name));
export const getTopics = async (): Promise<Topic[]> =>
  (await getCollection('topics')).sort((a, b) => a.data.name.localeCompare(b.data.name));
export const getSeriesList = async (): Promise<Series[]> => getCollection('series');

/** Lookup tables by id for the reference collections, built once per build. */
export function getIndex(): Promise<ContentIndex> {
  indexCache ??= buildIndex();
  return indexCache;
}

let indexCache: Promise<ContentIndex> | undefined;

async function buildIndex() {
  const [distros, authors, topics, series] = await Promise.all([
    getDistros(),
    getAuthors(),
    getTopics(),
    getSeriesList(),
  ]);
  return {
    distros: new Map(distros.map((d) => [d.id, d])),
    authors: new Map(authors.map((a) => [a.id, a])),
    topics: new Map(topics.map((t) => [t.id, t])),
    series: new Map(series.map((s) => [s.id, s])),
  };
}

export type ContentIndex = Awaited<ReturnType<typeof buildIndex>>;

export const articlesWithDistro = (articles: Article[], id: string) =>
  articles.filter((a) => a.data.distros.some((d) => d === id));
export const articlesWithTopic = (articles: Article[], id: string) =>
  articles.filter((a) => a.data.topics.some((t) => t === id));
export const articlesByAuthor = (articles: Article[], id: string) =>
  articles.filter((a) => a.data.authors.some((t) => t === id));
export const articlesOfType = (articles: Article[], type: ArticleType) => articles.filter((a) => a.data.type === type);
/** A series in reading order, oldest first, from the lists of getArticlesBySeries(). */
export const articlesInSeries = (bySeries: ReadonlyMap<string, readonly Article[]>, id: string): Article[] =>
  [...(bySeries.get(id) ?? [])].reverse();

let seriesCache: Promise<ReadonlyMap<string, readonly Article[]>> | undefined;

/**
 * The articles of every series, newest first (as getArticles lists them), grouped in one pass once per build:
 * filtering the whole archive once per series, or once per article page of a series, grows as n² with the archive.
 */
export function getArticlesBySeries(): Promise<ReadonlyMap<string, readonly Article[]>> {
  seriesCache ??= getArticles().then((articles) => {
    const bySeries = new Map<string, Article[]>();
    for (const a of articles) {
      const id = a.data.series;
      if (id === undefined) continue;
      const list = bySeries.get(id);
      if (list) list.push(a);
      else bySeries.set(id, [a]);
    }
    return bySeries;
  });
  return seriesCache;
}

/** A distribution as lifecycle-facts.ts reads it, with its file named as the content layer loaded it. */
export const distroFacts = (d: Distro): DistroFacts => ({
  id: d.id,
  name: d.data.name,
  file: d.filePath ?? `${contentDir(process.env)}/distros/${d.id}.yaml`,
  releases: d.data.releases,
});
