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
  page: (basePath: string, n: number) => (n <= 1 ? basePath : `${basePath}${n}/`),
} as const;

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
