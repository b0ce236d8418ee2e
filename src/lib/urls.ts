/**
 * The one place that turns site paths into URLs. Pages, layouts, feeds, calendars, social images and the search
 * client build their links with these helpers, so that a deploy under a subpath (BASE_PATH=/downstream) cannot
 * break a link. (Links written by editors inside article bodies get the base path from rehype-links.)
 */
import { sectionOf } from './sections.ts';
import { CALENDAR, FEED_FORMATS, OPML, type FeedFormat } from './feed-formats.ts';

/** A base path with exactly one trailing slash: "/downstream" and "/downstream/" both give "/downstream/". */
export function slashedBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

function baseUrl(): string {
  // Vite sets BASE_URL from the `base` option during the build, in client bundles and in tests.
  return slashedBase(import.meta.env.BASE_URL ?? '/');
}

/** Joins a base ("/" or "/downstream/") and a site path ("/articles/x/") into one URL path. */
export function joinBase(base: string, path: string): string {
  return `${slashedBase(base)}${path.replace(/^\/+/, '')}`;
}

/** A site path with the deploy base path applied. Paths are written as if the site lived at "/". */
export function withBase(path: string): string {
  return joinBase(baseUrl(), path);
}

/** Removes the base path from a URL path, or returns null when the path is outside the site. */
export function stripBase(pathname: string, base: string = baseUrl()): string | null {
  const b = slashedBase(base);
  if (pathname === b.slice(0, -1)) return '/';
  if (!pathname.startsWith(b)) return null;
  return `/${pathname.slice(b.length)}`;
}

/** An absolute URL for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(withBase(path), site).href;
}

export const paths = {
  home: () => '/',
  article: (id: string) => `/articles/${id}/`,
  distros: () => '/distros/',
  distro: (id: string) => `/distros/${id}/`,
  topics: () => '/topics/',
  topic: (id: string) => `/topics/${id}/`,
  author: (id: string) => `/authors/${id}/`,
  authors: () => '/authors/',
  section: (type: string) => `/${sectionSlug(type)}/`,
  series: (id: string) => `/series/${id}/`,
  /** Every series, newest coverage first. */
  seriesIndex: () => '/series/',
  archive: () => '/archive/',
  year: (year: number) => `/archive/${year}/`,
  month: (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`,
  search: (params?: Record<string, string>) => {
    const q = params ? new URLSearchParams(params).toString() : '';
    return q ? `/search/?${q}` : '/search/';
  },
  feeds: () => '/feeds/',
  /** Every advertised feed as one OPML 2.0 subscription list (src/pages/feeds.opml.ts). */
  opml: () => `/${OPML.file}`,
  /** Every supported release on one timeline; a family's releases only when `family` is given. */
  lifecycles: (family?: string) => (family ? `/lifecycles/${family}/` : '/lifecycles/'),
  /** The lifecycle table of a distribution's hub: every release, ended ones included. */
  releases: (id: string) => `/distros/${id}/#${RELEASES_SECTION}`,
  /** A release's row in the lifecycle table of its distribution's hub. */
  release: (id: string, version: string) => `/distros/${id}/#${releaseAnchor(version)}`,
  /** Where the lifecycle-event feeds live (use with `feed`): all distributions, or one. */
  lifecycleFeeds: (id?: string) => (id ? `/distros/${id}/lifecycle/` : '/lifecycles/'),
  /** The static JSON API, version 1. */
  apiIndex: () => '/api/v1/distributions.json',
  apiDistribution: (id: string) => `/api/v1/distributions/${id}.json`,
  apiCycles: (id: string) => `/api/v1/distributions/${id}/cycles.json`,
  apiSchema: () => '/api/v1/schema.json',
  page: (basePath: string, n: number) => (n <= 1 ? basePath : `${basePath}${n}/`),
  /** A feed file of the listing at `listing` (its site path, e.g. "/distros/debian/"; "/" for the whole site). */
  feed: (listing: string, format: FeedFormat = FEED_FORMATS[0]) => `${listing}${format.file}`,
  /** The release calendar of one distribution, or of all of them without an id. */
  calendar: (distroId?: string): string => `${distroId ? paths.distro(distroId) : '/'}${CALENDAR.file}`,
  /** The 1200×630 social image of an article, or the site's default image without an id. */
  socialImage: (articleId?: string) => (articleId ? `/og/articles/${articleId}.png` : '/og/default.png'),
  /** The build's data file of social-image records (src/pages/og/cards.json.ts); never deployed. */
  socialCards: () => '/og/cards.json',
  /** The build's data file of hub and release search records (src/pages/search/lifecycle-records.json.ts); never deployed. */
  searchRecords: () => '/search/lifecycle-records.json',
} as const;

/** The id of a distribution hub's lifecycle table, the target of `paths.releases`. */
export const RELEASES_SECTION = 'releases';

/** The fragment id of a release's row in a lifecycle table: "24.04" → "release-24-04". */
export function releaseAnchor(version: string): string {
  return `release-${version
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** The same URL as `absoluteUrl`, with the webcal: scheme calendar apps subscribe to (instead of downloading once). */
export function webcalUrl(path: string, site: string | URL): string {
  return absoluteUrl(path, site).replace(/^https?:/, 'webcal:');
}

/** Section URLs use the plural English word for each article type. */
export function sectionSlug(type: string): string {
  return sectionOf(type).slug;
}

/** Site-relative URL helpers with the base applied, for templates. */
export const url = Object.fromEntries(
  Object.entries(paths).map(([k, fn]) => [
    k,
    (...args: never[]) => withBase((fn as (...a: never[]) => string)(...args)),
  ]),
) as { [K in keyof typeof paths]: (...args: Parameters<(typeof paths)[K]>) => string };

/** A feed to announce with <link rel="alternate">: href has the base path applied. */
export interface FeedAlternate {
  title: string;
  href: string;
  format: FeedFormat;
}

/** The alternates of a listing's feeds, one per format, titled "<title> (RSS)" and so on. */
export function feedAlternates(listing: string, title: string): FeedAlternate[] {
  return FEED_FORMATS.map((format) => ({
    title: `${title} (${format.label})`,
    href: withBase(paths.feed(listing, format)),
    format,
  }));
}
