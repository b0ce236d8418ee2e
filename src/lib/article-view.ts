/**
 * The read model of an article: what every surface that shows an article needs, resolved once. The article page,
 * cards, feeds, the search record, JSON-LD and the social image all read an ArticleView, so distributions, topics
 * and desks are looked up by one rule, a missing id fails the same way everywhere, and "last updated" means the
 * same thing on the page, in the feeds and in the structured data.
 */
import { getIndex, type Article, type ContentIndex } from './content.ts';
import { readingMinutes } from './reading-time.ts';
import { sectionOf, type Section } from './sections.ts';
import { paths } from './urls.ts';
import { FAMILIES, type FamilyId } from '../data/families.ts';
import type { ArticleType } from '../schemas/article.ts';
import type { Release } from '../schemas/distro.ts';
import { releaseName } from './lifecycle.ts';

/** Something an article points at, with its display name and the site path of its page. */
export interface Linked {
  id: string;
  name: string;
  /** Site path (base path not applied). */
  path: string;
}

export interface DistroLink extends Linked {
  family: FamilyId;
  familyName: string;
}

/** The release a release-news article is about (front matter `release:`), with its dates from the database. */
export interface ReleaseRef {
  distro: Linked;
  release: Release;
  /** "Ubuntu 24.04 LTS (Noble Numbat)". */
  name: string;
  /** Site path of the release's row on its distribution's page. */
  path: string;
}

export interface ArticleView {
  id: string;
  entry: Article;
  title: string;
  description: string;
  type: ArticleType;
  section: Section;
  /** Site path of the article page. */
  path: string;
  /** Site path of its social image. */
  socialImage: string;
  distros: DistroLink[];
  topics: Linked[];
  /** Desks that sign the article. */
  authors: Linked[];
  /** Names of the distribution families of its distributions, each once, in the order first met. */
  families: string[];
  series?: Linked;
  /** Release news: the release the article is about. */
  release?: ReleaseRef;
  published: Date;
  /** The latest of updatedDate and the dates of the listed updates; undefined when the article never changed. */
  updated?: Date;
  /** `updated`, or the publication date: the "modified" of feeds, Open Graph and JSON-LD. */
  modified: Date;
  readingMinutes: number;
}

/** The one rule for "last updated": the latest of `updatedDate` and every dated entry of `updates`. */
export function lastUpdated(data: Pick<Article['data'], 'updatedDate' | 'updates'>): Date | undefined {
  const dates = [data.updatedDate, ...data.updates.map((u) => u.date)].filter((d): d is Date => d !== undefined);
  if (dates.length === 0) return undefined;
  return dates.reduce((max, d) => (d > max ? d : max));
}

/**
 * The one missing-id policy: the content schema refuses unknown ids, so an id that does not resolve here means the
 * data store and the schema disagree. That must stop the build, naming the article and the id, never render a gap.
 */
export function resolveId<T>(map: ReadonlyMap<string, T>, id: string, what: string, articleId: string): T {
  const found = map.get(id);
  if (found === undefined) {
    throw new Error(
      `article "${articleId}" names ${what} "${id}", which does not exist: add it or correct the article's front matter`,
    );
  }
  return found;
}

/** Builds the view of one article from the reference collections. Pure: no content queries. */
export function toArticleView(article: Article, index: ContentIndex): ArticleView {
  const { data, id } = article;
  const distros = data.distros.map((ref) => {
    const d = resolveId(index.distros, ref, 'distribution', id);
    return {
      id: d.id,
      name: d.data.name,
      path: paths.distro(d.id),
      family: d.data.family,
      familyName: FAMILIES[d.data.family].name,
    };
  });
  const topics = data.topics.map((ref) => {
    const t = resolveId(index.topics, ref, 'topic', id);
    return { id: t.id, name: t.data.name, path: paths.topic(t.id) };
  });
  const authors = data.authors.map((ref) => {
    const a = resolveId(index.authors, ref, 'desk', id);
    return { id: a.id, name: a.data.name, path: paths.author(a.id) };
  });
  const series = data.series ? resolveId(index.series, data.series, 'series', id) : undefined;
  const updated = lastUpdated(data);
  let release: ReleaseRef | undefined;
  if (data.release) {
    const d = resolveId(index.distros, data.release.distro, 'distribution', id);
    const r = resolveId(
      new Map(d.data.releases.map((x) => [x.version, x])),
      data.release.version,
      `release of ${d.data.name}`,
      id,
    );
    release = {
      distro: { id: d.id, name: d.data.name, path: paths.distro(d.id) },
      release: r,
      name: releaseName(d.data.name, r),
      path: paths.release(d.id, r.version),
    };
  }
  return {
    id,
    entry: article,
    title: data.title,
    description: data.description,
    type: data.type,
    section: sectionOf(data.type),
    path: paths.article(id),
    socialImage: paths.socialImage(id),
    distros,
    topics,
    authors,
    families: [...new Set(distros.map((d) => d.familyName))],
    series: series && { id: series.id, name: series.data.name, path: paths.series(series.id) },
    ...(release ? { release } : {}),
    published: data.pubDate,
    updated,
    modified: updated ?? data.pubDate,
    readingMinutes: readingMinutes(article.body ?? ''),
  };
}

const views = new Map<string, ArticleView>();

/** The view of an article, built once per build (a build never changes content midway). */
export async function articleView(article: Article): Promise<ArticleView> {
  let view = views.get(article.id);
  if (!view || view.entry !== article) {
    view = toArticleView(article, await getIndex());
    views.set(article.id, view);
  }
  return view;
}

/** Views of many articles, in the same order. */
export async function articleViews(articles: readonly Article[]): Promise<ArticleView[]> {
  return Promise.all(articles.map(articleView));
}
