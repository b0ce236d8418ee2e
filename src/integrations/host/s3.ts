/**
 * An S3-compatible bucket behind a CDN: the upload plan (what to put, with which headers, in which order) and the
 * CloudFront Function that does what a bucket cannot (directory indexes, trailing-slash and legacy redirects,
 * security headers). scripts/deploy-s3.ts carries the plan out with @aws-sdk/client-s3.
 */
import {
  CACHE,
  DIRECTORY_INDEX,
  HOST_FILES,
  NOT_FOUND_PAGE,
  cacheControlFor,
  fileHeaders,
  type HostPolicy,
} from './policy.ts';

export interface UploadItem {
  /** Path relative to the build ("articles/x/index.html"). */
  file: string;
  /** Object key: the key prefix (the base path without its slashes) plus the file. */
  key: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Every built file but the host files, immutable assets first and HTML last: while an upload runs, no new page
 * can reference an asset that is not there yet.
 */
export function uploadPlan(files: readonly string[], prefix: string): UploadItem[] {
  const p = prefix.replace(/^\/+|\/+$/g, '');
  const rank = (f: string) => (cacheControlFor(f) === CACHE.immutable ? 0 : f.endsWith('.html') ? 2 : 1);
  return files
    .filter((f) => !(HOST_FILES as readonly string[]).includes(f))
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((file) => ({ file, key: p ? `${p}/${file}` : file, ...fileHeaders(file) }));
}

/** Keys under the prefix that the new build no longer has: deleted only after every upload succeeded. */
export function staleKeys(existing: readonly string[], plan: readonly UploadItem[]): string[] {
  const keep = new Set(plan.map((i) => i.key));
  return existing.filter((k) => !keep.has(k));
}

/**
 * A CloudFront Function (cloudfront-js-2.0) for the viewer request and response of the distribution in front of
 * the bucket's REST endpoint. A function cannot look into the bucket, so a last path segment without a dot counts
 * as a directory.
 */
export function cloudfrontFunction(policy: HostPolicy): string {
  // CloudFront hands the function the path as the browser sent it: percent-encoded.
  const legacy = Object.fromEntries(policy.redirects.map((r) => [r.fromEncoded, r.to]));
  return `// Downstream at ${policy.base} for ${policy.site}: CloudFront Function (runtime cloudfront-js-2.0), associated
// with both viewer request and viewer response. Generated from src/integrations/host/ by \`npm run deploy:config\`.
// Also set the distribution's custom error responses: 403 and 404 → ${policy.base}${NOT_FOUND_PAGE}, response code 404.
var SITE = ${JSON.stringify(policy.site)};
var BASE = ${JSON.stringify(policy.base)};
var LEGACY = ${JSON.stringify(legacy)};
var WORDPRESS_POSTS = ${JSON.stringify(Object.fromEntries(policy.queryRedirects.map((q) => [q.value, q.to])))};
var HEADERS = ${JSON.stringify(
    Object.fromEntries(Object.entries(policy.headers).map(([k, v]) => [k.toLowerCase(), v])),
  )};

function redirect(location) {
  var headers = { location: { value: location }, 'cache-control': { value: ${JSON.stringify(CACHE.revalidate)} } };
  for (var name in HEADERS) headers[name] = { value: HEADERS[name] };
  return { statusCode: 301, statusDescription: 'Moved Permanently', headers: headers };
}

// CloudFront calls the function by this name.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function handler(event) {
  if (event.response) {
    var response = event.response;
    for (var name in HEADERS) response.headers[name] = { value: HEADERS[name] };
    return response;
  }
  var request = event.request;
  var uri = request.uri;
  if (LEGACY[uri]) return redirect(LEGACY[uri]);
  var post = request.querystring && request.querystring.p && request.querystring.p.value;
  if (post && (uri === BASE || uri === BASE + 'index.php') && WORDPRESS_POSTS[post]) return redirect(WORDPRESS_POSTS[post]);
  if (uri + '/' === BASE) return redirect(SITE + BASE);
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  if (last !== '' && last.indexOf('.') === -1) return redirect(SITE + uri + '/');
  if (uri.slice(-1) === '/') request.uri = uri + '${DIRECTORY_INDEX}';
  return request;
}
`;
}
