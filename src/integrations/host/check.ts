/**
 * Checks a live deploy against the host description (policy.ts): security headers, cache policy, content types,
 * the 404 page, redirects and host files. One module for the e2e host matrix (tests/e2e/hosts.spec.ts) and for
 * operators (`npm run check:host -- <url>`), so both assert the same thing.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { legacyRedirects } from '../../lib/redirects.ts';
import {
  CACHE,
  CONTENT_TYPES,
  DIRECTORY_INDEX,
  HOST_FILES,
  IMMUTABLE_DIRS,
  NOT_FOUND_PAGE,
  cacheControlFor,
  contentTypeFor,
  contentTypeHeader,
  extensionOf,
  hostPolicy,
  servedFiles,
} from './policy.ts';

export interface CheckResult {
  /** Stable id, e.g. "cache", "redirect-slash". */
  id: string;
  /** What was requested and what was expected. */
  what: string;
  ok: boolean;
  /** What was wrong, when not ok. */
  problem?: string;
}

export interface CheckOptions {
  /** Where the site is served, base path included: https://example.org/downstream/ */
  url: string;
  /** The configured origin redirects must point to (SITE_URL). Default: the origin of the home page's canonical link. */
  site?: string;
  /** A local build (dist/) to sample every kind of file from. Without it, files linked from the home page are used. */
  dist?: string;
  /** Legacy redirects (site paths without the base). Default: legacyRedirects(). */
  redirects?: readonly { from: string; to: string }[];
  /** Ids of checks not to run, e.g. "canonical" when serving a build made for another base path. */
  skip?: readonly string[];
  /** The Host header sent with redirect requests, to prove Location does not come from it. */
  foreignHost?: string;
  /**
   * The security headers every response must carry. Default: the host policy's (`hostPolicy().headers`), whose CSP
   * allows the remote image hosts of content/remote-images.yaml, as the generated configurations send it.
   */
  headers?: Readonly<Record<string, string>>;
}

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with nothing added: no redirects followed, no decompression asked for, optional Host header. */
export function get(url: string, host?: string): Promise<Response> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      { method: 'GET', headers: { 'user-agent': 'downstream-check-host', ...(host ? { host } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${url} within 20 s`)));
    req.on('error', reject);
    req.end();
  });
}

const header = (r: Response, name: string) => {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** Cache-Control that makes a cache ask the server before reuse: `no-cache`, or `max-age=0, must-revalidate`. */
export function revalidates(cc: string | undefined): boolean {
  if (!cc || /\bimmutable\b/i.test(cc)) return false;
  return (
    /\bno-cache\b/i.test(cc) || /\bno-store\b/i.test(cc) || (/\bmax-age=0\b/i.test(cc) && /must-revalidate/i.test(cc))
  );
}

function cacheProblem(r: Response, relPath: string): string | undefined {
  const cc = header(r, 'cache-control');
  if (cacheControlFor(relPath) === CACHE.immutable) {
    return cc === CACHE.immutable ? undefined : `Cache-Control is "${cc ?? '(none)'}", expected "${CACHE.immutable}"`;
  }
  return revalidates(cc) ? undefined : `Cache-Control is "${cc ?? '(none)'}", expected revalidation ("no-cache")`;
}

function securityProblem(r: Response, expected: Readonly<Record<string, string>>): string | undefined {
  const wrong = Object.entries(expected)
    .filter(([k, v]) => header(r, k) !== v)
    .map(([k]) => `${k} is ${header(r, k) === undefined ? 'missing' : `"${header(r, k)}"`}`);
  return wrong.length ? wrong.join('; ') : undefined;
}

/** Names hosts use for the same type (Cloudflare's `application/javascript`, `image/vnd.microsoft.icon`). */
const SAME_TYPE: Readonly<Record<string, string>> = {
  'application/javascript': 'text/javascript',
  'image/vnd.microsoft.icon': 'image/x-icon',
};

/**
 * A charset matters where the browser would otherwise guess (text/*); scripts take the page's, JSON is UTF-8 by
 * definition and XML says its own encoding, so a host may leave those without one.
 */
const charsetRequired = (type: string) => type.startsWith('text/') && type !== 'text/javascript';

function typeProblem(r: Response, relPath: string): string | undefined {
  const expected = contentTypeFor(relPath);
  if (!expected) return `no content type for ".${extensionOf(relPath)}" in src/integrations/host/policy.ts: add one`;
  const got = header(r, 'content-type') ?? '';
  const [raw = '', ...params] = got.split(';').map((s) => s.trim().toLowerCase());
  const type = SAME_TYPE[raw] ?? raw;
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (type !== expected.type || (charsetRequired(expected.type) && charset !== 'utf-8')) {
    return `Content-Type is "${got || '(none)'}", expected "${contentTypeHeader(expected)}"`;
  }
  return undefined;
}

function statusProblem(r: Response, status: number): string | undefined {
  return r.status === status ? undefined : `status ${r.status}, expected ${status}`;
}

/** The files to request: one per extension, one per cache rule, Pagefind's unhashed entry files, a few pages. */
export function samplesFromDist(dist: string): { files: string[]; pages: string[] } {
  const all = servedFiles(dist);
  const files = new Set<string>();
  const byExt = new Map<string, string>();
  // HTML is sampled as pages (directory URLs): hosts such as Cloudflare redirect "x.html" to "x".
  for (const f of all) if (extensionOf(f) !== 'html' && !byExt.has(extensionOf(f))) byExt.set(extensionOf(f), f);
  for (const f of byExt.values()) files.add(f);
  for (const dir of IMMUTABLE_DIRS) {
    const f = all.find((x) => x.startsWith(dir));
    if (f) files.add(f);
  }
  for (const f of all) {
    if (/^pagefind\/[^/]+$/.test(f)) files.add(f); // entry files, wasm, UI bundles, pf_meta: none may be immutable
  }
  const pages = all
    .filter((f) => f.endsWith(`/${DIRECTORY_INDEX}`) && f.split('/').length <= 3)
    .map((f) => f.slice(0, -DIRECTORY_INDEX.length))
    .slice(0, 6);
  return { files: [...files], pages };
}

/** Without a build: the files the home page links to, plus the ones every Downstream build has. */
async function samplesFromSite(base: URL, home: string): Promise<{ files: string[]; pages: string[] }> {
  const rel = (href: string) => {
    const u = new URL(href, base);
    return u.origin === base.origin && u.pathname.startsWith(base.pathname)
      ? u.pathname.slice(base.pathname.length)
      : undefined;
  };
  const hrefs = [...home.matchAll(/\s(?:href|src)="([^"#?]+)"/g)].map((m) => rel(m[1]!)).filter((x) => x !== undefined);
  const files = new Set(hrefs.filter((h) => h && !h.endsWith('/')));
  for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'feed.xml', 'releases.ics', 'robots.txt']) {
    files.add(f);
  }
  const entry = await get(new URL('pagefind/pagefind-entry.json', base).href).catch(() => undefined);
  if (entry?.status === 200) {
    let langs: Record<string, { hash: string; wasm?: string }> = {};
    try {
      langs = (JSON.parse(entry.body.toString()) as { languages?: typeof langs }).languages ?? {};
    } catch {
      // Not JSON: the content-type and cache checks of pagefind-entry.json itself report the host's answer.
    }
    for (const l of Object.values(langs)) {
      files.add(`pagefind/pagefind.${l.hash}.pf_meta`);
      if (l.wasm) files.add(`pagefind/wasm.${l.wasm}.pagefind`);
    }
  }
  const pages = [...new Set(hrefs.filter((h) => h.endsWith('/') && h.split('/').length <= 3))].slice(0, 6);
  return { files: [...files], pages };
}

/** Runs every check against the deploy at `opts.url`. Never throws for a failed check; returns them all. */
export async function checkHost(opts: CheckOptions): Promise<CheckResult[]> {
  const base = new URL(opts.url.endsWith('/') ? opts.url : `${opts.url}/`);
  const skip = new Set(opts.skip ?? []);
  const foreign = opts.foreignHost ?? 'attacker.invalid';
  const results: CheckResult[] = [];
  const add = (id: string, what: string, ...problems: (string | undefined)[]) => {
    if (skip.has(id)) return;
    const p = problems.filter(Boolean);
    results.push({ id, what, ok: p.length === 0, ...(p.length ? { problem: p.join('; ') } : {}) });
  };
  const at = (rel: string) => new URL(rel, base).href;
  const headers =
    opts.headers ?? hostPolicy({ site: base.origin, base: base.pathname, redirects: [], queryRedirects: [] }).headers;

  const home = await get(base.href);
  const html = home.body.toString();
  add(
    'page',
    `${base.pathname}: 200, HTML, security headers, revalidates`,
    statusProblem(home, 200),
    typeProblem(home, DIRECTORY_INDEX),
    securityProblem(home, headers),
    cacheProblem(home, ''),
  );

  const canonicalHref = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  const canonical = canonicalHref ? new URL(canonicalHref) : undefined;
  const site = opts.site ?? canonical?.origin;
  add(
    'canonical',
    `the home page's canonical URL is where it is served (${base.href})`,
    !canonical
      ? 'no <link rel="canonical"> on the home page'
      : canonical.pathname !== base.pathname || (!opts.site && canonical.origin !== base.origin)
        ? `built for ${canonical.href}, served at ${base.href}: build with SITE_URL and BASE_PATH of this deploy`
        : undefined,
  );

  const legacy = opts.redirects ?? legacyRedirects();
  const sampled = opts.dist ? samplesFromDist(opts.dist) : await samplesFromSite(base, html);
  // An old URL's static redirect page is answered by the host's 301 first: not a page to expect a 200 from.
  const oldPaths = new Set(legacy.map((r) => r.from.replace(/^\/+/, '').replace(/index\.html?$/, '')));
  const samples = { ...sampled, pages: sampled.pages.filter((p) => !oldPaths.has(p) && !oldPaths.has(p.slice(0, -1))) };
  for (const page of samples.pages) {
    const r = await get(at(page));
    add(
      'page',
      `${base.pathname}${page}: 200, HTML, security headers, revalidates`,
      statusProblem(r, 200),
      typeProblem(r, `${page}${DIRECTORY_INDEX}`),
      securityProblem(r, headers),
      cacheProblem(r, page),
    );
  }
  for (const file of samples.files) {
    const r = await get(at(file));
    const expected = cacheControlFor(file) === CACHE.immutable ? 'immutable' : 'revalidates';
    add('cache', `${base.pathname}${file}: 200, ${expected}`, statusProblem(r, 200), cacheProblem(r, file));
    add('type', `${base.pathname}${file}: Content-Type by extension`, typeProblem(r, file));
    add('headers', `${base.pathname}${file}: security headers`, securityProblem(r, headers));
  }
  if (opts.dist) {
    const unknown = [...new Set(servedFiles(opts.dist).map(extensionOf))].filter((e) => e && !(e in CONTENT_TYPES));
    add(
      'type',
      'every file extension in the build has a content type in the policy',
      unknown.length ? `no content type for ${unknown.map((e) => `.${e}`).join(', ')}` : undefined,
    );
  }

  // The page itself, for its body; Cloudflare and Netlify redirect "404.html" to "404" first.
  let page404 = await get(at(NOT_FOUND_PAGE));
  const moved = header(page404, 'location');
  if (page404.status >= 300 && page404.status < 400 && moved) page404 = await get(new URL(moved, base).href);
  for (const missing of ['no-such-page-downstream-check/', '_astro/no-such-file-downstream-check.css']) {
    const r = await get(at(missing));
    add(
      'not-found',
      `${base.pathname}${missing}: 404 with the site's 404 page, security headers, not cached as immutable`,
      statusProblem(r, 404),
      page404.status === 200 && r.body.equals(page404.body) ? undefined : `the body is not ${base.pathname}404.html`,
      typeProblem(r, NOT_FOUND_PAGE),
      securityProblem(r, headers),
      revalidates(header(r, 'cache-control')) ? undefined : `Cache-Control is "${header(r, 'cache-control')}"`,
    );
  }

  const redirect = async (id: string, path: string, to: string | undefined) => {
    const r = await get(new URL(path, base.origin).href, foreign);
    const location = header(r, 'location');
    add(
      id,
      `${path} (Host: ${foreign}): 301 to ${to ?? '(configured site unknown)'}, with security headers`,
      statusProblem(r, 301),
      location === to ? undefined : `Location is "${location ?? '(none)'}"`,
      securityProblem(r, headers),
    );
  };
  if (base.pathname !== '/') {
    await redirect('redirect-base', base.pathname.slice(0, -1), site && `${site}${base.pathname}`);
  }
  const dirPage = samples.pages.find((p) => p !== '');
  if (dirPage) {
    const path = `${base.pathname}${dirPage.slice(0, -1)}`;
    await redirect('redirect-slash', path, site && `${site}${path}/`);
  } else {
    add('redirect-slash', 'a directory page to request without its slash', 'none found');
  }
  for (const r of legacy) {
    await redirect(
      'redirect-legacy',
      `${base.pathname}${r.from.slice(1)}`,
      site && `${site}${encodeURI(`${base.pathname}${r.to.slice(1)}`)}`,
    );
  }

  for (const f of HOST_FILES) {
    const r = await get(at(f));
    // Apache's stock configuration forbids .ht* files (403) before any rewrite runs: also not served.
    add(
      'host-files',
      `${base.pathname}${f} is not served (404, or 403)`,
      r.status === 404 || r.status === 403 ? undefined : `status ${r.status}, expected 404`,
    );
  }
  return results;
}

/** A report for people: one line per check, failures with what was wrong. */
export function formatResults(results: readonly CheckResult[]): string {
  const lines = results.map(
    (r) => `${r.ok ? 'ok  ' : 'FAIL'} [${r.id}] ${r.what}${r.ok ? '' : `\n       ${r.problem}`}`,
  );
  const failed = results.filter((r) => !r.ok).length;
  lines.push('', `${results.length - failed} passed, ${failed} failed`);
  return lines.join('\n');
}
