/**
 * What a static host must do for Downstream, said once. Every host format in src/integrations/host/ (nginx.ts,
 * apache.ts, caddy.ts, netlify.ts for Netlify and Cloudflare Pages, s3.ts for S3 + CloudFront) is generated from this
 * description, and the host checks (check.ts: the e2e host matrix and `npm run check:host`) assert it against a live
 * server.
 *
 * - headers: the security headers (src/lib/security-headers.ts) on every response, redirects and 404s included;
 * - cache: immutable only where every file name carries a content hash; everything else revalidates;
 * - content types per extension, including Pagefind's own (.pagefind, .pf_*), calendars and the web manifest;
 * - 404: unknown URLs answer 404 with the site's 404.html;
 * - redirects: a directory URL without its trailing slash answers 301 to the canonical URL on the configured site
 *   (never the request's Host header), and so do legacy URLs (src/lib/redirects.ts);
 * - host files (`_headers`, `_redirects`, `.htaccess`) are configuration and are never served.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { legacyQueryRedirects, legacyRedirects, type QueryRedirect } from '../../lib/redirects.ts';
import { SECURITY_HEADERS, securityHeaders } from '../../lib/security-headers.ts';
import { remoteImageHosts } from '../../lib/remote-images.ts';
import { contentDir } from '../../site.config.ts';
import { joinBase, slashedBase } from '../../lib/urls.ts';

export { SECURITY_HEADERS };

export const CACHE = {
  /** Content-hashed files never change under their name. */
  immutable: 'public, max-age=31536000, immutable',
  /** Everything else: cache, but ask the server before every reuse so readers see new coverage at once. */
  revalidate: 'no-cache',
} as const;

/**
 * Folders (relative to the base) in which every file name carries a content hash: Vite's build assets and
 * Pagefind's index chunks (`en_1a2b3c.pf_fragment`). Pagefind's entry files sit beside them without a hash
 * (`pagefind.js`, `pagefind-entry.json`, `wasm.en.pagefind`, the UI bundles): they must revalidate, or a new index
 * meets an old loader. `pagefind.<hash>.pf_meta` is hashed but tiny and shares the folder with those unhashed
 * files, so it revalidates too: a rule per folder is the one every host format can express exactly.
 */
export const IMMUTABLE_DIRS = ['_astro/', 'pagefind/fragment/', 'pagefind/index/', 'pagefind/filter/'] as const;

/** Files the build writes for hosts to read (Netlify/Cloudflare, Apache). No host may serve them. */
export const HOST_FILES = ['_headers', '_redirects', '.htaccess'] as const;

/** The file a directory URL serves: `articles/x/` is `articles/x/index.html`. */
export const DIRECTORY_INDEX = 'index.html';

/** The first line after a generated configuration's title. */
export const GENERATED_NOTE =
  '# Generated from src/integrations/host/ by `npm run deploy:config` (SITE_URL, BASE_PATH): edit the policy, not this file.';

/** Regular-expression alternatives, escaped: the immutable folders without their slash, and the host files. */
export const IMMUTABLE_DIRS_PATTERN = `(${IMMUTABLE_DIRS.map((d) => escapeRegExp(d.slice(0, -1))).join('|')})`;
export const HOST_FILES_PATTERN = `(${HOST_FILES.map(escapeRegExp).join('|')})`;

/** Every file of a build that a host serves (host files left out): paths relative to it, "/" separators, sorted. */
export function servedFiles(dist: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else out.push(relative(dist, p).split(sep).join('/'));
    }
  };
  visit(dist);
  return out.filter((f) => !(HOST_FILES as readonly string[]).includes(f));
}

/** The page every unknown URL gets, with status 404. */
export const NOT_FOUND_PAGE = '404.html';

export interface ContentType {
  type: string;
  /** Sent as `; charset=utf-8`. */
  utf8: boolean;
}

const text = (type: string): ContentType => ({ type, utf8: true });
const binary = (type: string): ContentType => ({ type, utf8: false });

/**
 * Content types by file extension, for every kind of file the build writes. The host tests fail when the build
 * writes an extension missing here, so a new kind of file gets its type decided once, not per host.
 */
export const CONTENT_TYPES: Readonly<Record<string, ContentType>> = {
  html: text('text/html'),
  css: text('text/css'),
  js: text('text/javascript'),
  mjs: text('text/javascript'),
  json: text('application/json'),
  xml: text('application/xml'),
  opml: text('text/x-opml'),
  txt: text('text/plain'),
  ics: text('text/calendar'),
  webmanifest: text('application/manifest+json'),
  svg: binary('image/svg+xml'),
  png: binary('image/png'),
  jpg: binary('image/jpeg'),
  jpeg: binary('image/jpeg'),
  webp: binary('image/webp'),
  avif: binary('image/avif'),
  gif: binary('image/gif'),
  ico: binary('image/x-icon'),
  woff2: binary('font/woff2'),
  woff: binary('font/woff'),
  wasm: binary('application/wasm'),
  pdf: binary('application/pdf'),
  // Pagefind's files are gzip-compressed data that pagefind.js fetches and decodes itself: opaque bytes.
  pagefind: binary('application/octet-stream'),
  pf_meta: binary('application/octet-stream'),
  pf_index: binary('application/octet-stream'),
  pf_fragment: binary('application/octet-stream'),
  pf_filter: binary('application/octet-stream'),
};

/** The Content-Type header value for a type. */
export function contentTypeHeader(ct: ContentType): string {
  return ct.utf8 ? `${ct.type}; charset=utf-8` : ct.type;
}

/** The extension a host matches on ("pagefind" for "wasm.en.pagefind"), or "" for none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The content type for a file path, or undefined when the policy has none (a test failure for built files). */
export function contentTypeFor(path: string): ContentType | undefined {
  return CONTENT_TYPES[extensionOf(path)];
}

/** Cache-Control for a path relative to the base ("_astro/x.css", "articles/y/"). */
export function cacheControlFor(relPath: string): string {
  const p = relPath.replace(/^\/+/, '');
  return IMMUTABLE_DIRS.some((dir) => p.startsWith(dir)) ? CACHE.immutable : CACHE.revalidate;
}

/** The headers an object store needs per built file (relative path), e.g. for the S3 upload. */
export function fileHeaders(relPath: string): { contentType: string; cacheControl: string } {
  const ct = contentTypeFor(relPath);
  return {
    contentType: ct ? contentTypeHeader(ct) : 'application/octet-stream',
    cacheControl: cacheControlFor(relPath),
  };
}

export interface Redirect {
  /** Request path, base included, percent-decoded as servers match it ("/downstream/2019/06/été/"). */
  from: string;
  /** The same path percent-encoded, as it travels in a request line ("/downstream/2019/06/%C3%A9t%C3%A9/"). */
  fromEncoded: string;
  /** Absolute URL on the configured site, percent-encoded (a Location header value). */
  to: string;
}

export interface HostPolicy {
  /** Origin from the configuration (SITE_URL), without a trailing slash. Redirects point here. */
  site: string;
  /** Base path with leading and trailing slash ("/" or "/downstream/"). */
  base: string;
  headers: Readonly<Record<string, string>>;
  /** Legacy redirects with the base applied, targets absolute on the configured site. */
  redirects: readonly Redirect[];
  /**
   * WordPress `?p=<id>` links of imported articles: a request for the base path (or `<base>index.php`) with this
   * query parameter answers 301 with `to` (absolute, encoded). Only hosts that match query strings emit them.
   */
  queryRedirects: readonly (Omit<QueryRedirect, 'to'> & { to: string })[];
}

/** The host description for a deploy of `site` under `base`. */
export function hostPolicy({
  site,
  base,
  redirects = legacyRedirects(),
  queryRedirects = legacyQueryRedirects(),
  imageHosts = remoteImageHosts(contentDir(process.env)),
}: {
  site: string;
  base: string;
  redirects?: readonly { from: string; to: string }[];
  queryRedirects?: readonly QueryRedirect[];
  /** Remote image hosts the CSP allows (content/remote-images.yaml). */
  imageHosts?: readonly string[];
}): HostPolicy {
  const b = slashedBase(base);
  const origin = new URL(site).origin;
  const seen = new Set<string>();
  const list: Redirect[] = [];
  for (const r of redirects) {
    if (!r.from.startsWith('/') || !r.to.startsWith('/')) {
      throw new Error(`legacy redirect ${r.from} → ${r.to}: both must be site paths starting with "/"`);
    }
    if (/["\\\s]/.test(r.from.replace(/ /g, '')) || /["\\]/.test(r.to)) {
      throw new Error(
        `legacy redirect ${r.from} → ${r.to}: quotes, backslashes and control characters cannot be served`,
      );
    }
    const from = joinBase(b, r.from);
    if (seen.has(from)) throw new Error(`legacy redirect from ${r.from} is listed twice: keep one target`);
    seen.add(from);
    list.push({ from, fromEncoded: encodeURI(from), to: `${origin}${encodeURI(joinBase(b, r.to))}` });
  }
  const queries = queryRedirects.map((q) => {
    if (!/^\d+$/.test(q.value) || !q.to.startsWith('/'))
      throw new Error(`query redirect ?${q.param}=${q.value} → ${q.to}: a post id and a site path are expected`);
    return { ...q, to: `${origin}${encodeURI(joinBase(b, q.to))}` };
  });
  return { site: origin, base: b, headers: securityHeaders(imageHosts), redirects: list, queryRedirects: queries };
}

/** The absolute canonical URL of a request path (base included) on the configured site. */
export function canonical(policy: HostPolicy, path: string): string {
  return `${policy.site}${path}`;
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A double-quoted configuration string (nginx, Apache, Caddy); hostPolicy refuses paths with quotes or backslashes. */
export function quoted(s: string): string {
  return `"${s}"`;
}
