/**
 * The one place that turns site paths into URLs. Every page, feed and sitemap link goes through here so that a
 * deploy under a subpath (BASE_PATH=/downstream) cannot break a link.
 */

function baseUrl(): string {
  // Vite sets BASE_URL from the `base` option during the build and in tests.
  return import.meta.env.BASE_URL ?? '/';
}

/** Joins a base ("/" or "/downstream/") and a site path ("/articles/x/") into one URL path. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/** A site path with the deploy base path applied. Paths are written as if the site lived at "/". */
export function withBase(path: string): string {
  return joinBase(baseUrl(), path);
}

/** Removes the base path from a URL path, or returns null when the path is outside the site. */
export function stripBase(pathname: string, base: string = baseUrl()): string | null {
  const b = base.endsWith('/') ? base : `${base}/`;
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
  archive: () => '/archive/',
  year: (year: number) => `/archive/${year}/`,
  month: (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`,
  search: (params?: Record<string, string>) => {
    const q = params ? new URLSearchParams(params).toString() : '';
    return q ? `/search/?${q}` : '/search/';
  },
  feeds: () => '/feeds/',
  /** Every supported release on one timeline; a family's releases only when `family` is given. */
  lifecycles: (family?: string) => (family ? `/lifecycles/${family}/` : '/lifecycles/'),
  /** A release's row in the lifecycle table of its distribution's hub. */
  release: (id: string, version: string) => `/distros/${id}/#${releaseAnchor(version)}`,
  /** iCalendar file of release and end dates: every distribution's, or one distribution's. */
  calendar: (id?: string) => (id ? `/distros/${id}/releases.ics` : '/releases.ics'),
  /** Directory of the lifecycle-event feeds (feed.xml, atom.xml, feed.json): all distributions, or one. */
  lifecycleFeeds: (id?: string) => (id ? `/distros/${id}/lifecycle/` : '/lifecycles/'),
  /** The static JSON API, version 1. */
  apiIndex: () => '/api/v1/distributions.json',
  apiDistribution: (id: string) => `/api/v1/distributions/${id}.json`,
  apiCycles: (id: string) => `/api/v1/distributions/${id}/cycles.json`,
  apiSchema: () => '/api/v1/schema.json',
  page: (basePath: string, n: number) => (n <= 1 ? basePath : `${basePath}${n}/`),
} as const;

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
  switch (type) {
    case 'news':
      return 'news';
    case 'analysis':
      return 'analysis';
    case 'guide':
      return 'guides';
    case 'opinion':
      return 'opinion';
    default:
      throw new Error(`Unknown article type "${type}"`);
  }
}

/** Site-relative URL helpers with the base applied, for templates. */
export const url = Object.fromEntries(
  Object.entries(paths).map(([k, fn]) => [
    k,
    (...args: never[]) => withBase((fn as (...a: never[]) => string)(...args)),
  ]),
) as { [K in keyof typeof paths]: (...args: Parameters<(typeof paths)[K]>) => string };
