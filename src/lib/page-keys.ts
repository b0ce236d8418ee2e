/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs). A page returned by
 * getStaticPaths() with a `cacheKey` is copied from the previous build when its key and its module graph (code,
 * styles, scripts: Astro hashes those itself) are both unchanged. So a key must change whenever anything the page
 * shows changes, and it is made from the very values the page renders, never from a guess about them:
 *
 * - `siteKey()`: what every page may show besides its own data: the reference collections (distributions, desks,
 *   topics, series: names, families, releases and lifecycle dates appear on cards, hubs, bylines and facts boxes)
 *   and whether the site has any article (the footer and the head link the site's feeds only then).
 * - the page's own props, hashed with `pageKey()`: a content entry counts as its collection, id, digest (the hash
 *   of its source file) and parsed data (which holds resolved image paths), so a card shows a changed title, a
 *   changed body changes its reading time, and a list that gains, loses or reorders an article changes the key.
 * - the build clock (`buildNow()`), passed in by the routes whose output depends on it (support status, feed dates,
 *   lifecycle components in MDX bodies). Scheduled articles need no clock here: publishing one changes the lists.
 *
 * What no key can see is documented for operators (README, "Publishing into a big archive"): a change to a remark or
 * rehype plugin needs `npm run build -- --force`, as Astro's own Markdown cache already does.
 */
import { createHash } from 'node:crypto';
import type { PaginateFunction, Params, Props } from 'astro';
import { SITE } from '../site.config.ts';
import { getArticles, getAuthors, getDistros, getSeriesList, getTopics, type Article } from './content.ts';

interface EntryLike {
  collection: string;
  id: string;
  digest?: string;
  data: unknown;
  body?: string;
}

const isEntry = (value: unknown): value is EntryLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EntryLike).collection === 'string' &&
  typeof (value as EntryLike).id === 'string' &&
  'data' in value;

const fingerprints = new WeakMap<object, string>();

/** One content entry as a key part: it changes when its file or its parsed data does. */
function entryFingerprint(entry: EntryLike): string {
  let print = fingerprints.get(entry);
  if (print === undefined) {
    // Loaders of content/ set a digest; without one the body itself stands in for it.
    const source = entry.digest ?? `body:${entry.body ?? ''}`;
    print = `${entry.collection}/${entry.id}#${hash(`${source}\n${serialize(entry.data)}`)}`;
    fingerprints.set(entry, print);
  }
  return print;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Deterministic text of a page's inputs. Content entries become their fingerprints; Maps and Sets become arrays;
 * anything that cannot be written down (a function, a symbol) fails instead of silently dropping out of the key
 * (JSON.stringify itself refuses a structure that refers back to itself).
 */
export function serialize(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      throw new Error(
        `page-keys: "${key}" is a ${typeof v}, which a cache key cannot represent: pass the data it produces instead`,
      );
    }
    if (typeof v !== 'object' || v === null) return v;
    if (isEntry(v)) return entryFingerprint(v);
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    if (v instanceof URL) return v.href;
    return v;
  });
}

let site: Promise<string> | undefined;

/** What every page may show of the whole site (see above), as one hash; computed once per build. */
export function siteKey(): Promise<string> {
  site ??= (async () => {
    const [distros, authors, topics, series, articles] = await Promise.all([
      getDistros(),
      getAuthors(),
      getTopics(),
      getSeriesList(),
      getArticles(),
    ]);
    return hash(serialize({ distros, authors, topics, series, hasArticles: articles.length > 0 }));
  })();
  return site;
}

/** The cache key of one page: the site's key and every value the page renders from. */
export function pageKey(siteKeyValue: string, ...parts: unknown[]): string {
  return hash(serialize([siteKeyValue, ...parts]));
}

/**
 * Adds each path's cache key, made from its params and props (which must then hold everything the page renders
 * besides the site's key) and any `extra` value the route also shows, such as the build clock.
 */
export function withCacheKeys<T extends { params: unknown; props?: unknown }>(
  siteKeyValue: string,
  paths: readonly T[],
  ...extra: unknown[]
): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageKey(siteKeyValue, path.params, path.props, ...extra) }));
}

/** One paginated list of articles: the articles it lists and the route's params and props for each of its pages. */
export interface Listing<ListParams extends Params, ListProps extends Props> {
  articles: readonly Article[];
  params: ListParams;
  props: ListProps;
}

/**
 * The paths of a paginated listing route (sections, desks, topics, distributions, months): the published articles
 * go to `listings`, which returns one list per section, desk, topic…; each list is paginated with the site's page
 * size and every page gets its cache key (params, props and the page's articles, plus `extra`, such as the build
 * clock for a route that shows support status).
 */
export async function paginatedListings<ListParams extends Params, ListProps extends Props>(
  paginate: PaginateFunction,
  listings: (articles: Article[]) => readonly Listing<ListParams, ListProps>[],
  ...extra: unknown[]
) {
  const [articles, site] = await Promise.all([getArticles(), siteKey()]);
  return listings(articles).flatMap(({ articles: listed, params, props }) =>
    withCacheKeys(site, paginate(listed, { params, props, pageSize: SITE.pageSize }), ...extra),
  );
}
