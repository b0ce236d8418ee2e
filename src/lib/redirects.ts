/**
 * Legacy redirects: old URLs of imported articles that must keep working, as site paths without the base
 * ("/2019/05/old-story.html" → "/articles/wordpress/old-story/"). Every host format in src/integrations/host/ emits them, and
 * the build writes a static redirect page at each old path (src/integrations/legacy-redirects.ts).
 *
 * Contract (shared with src/integrations/host/): `{ from, to }` are site paths WITHOUT the deploy base path, starting with
 * "/", percent-decoded (`/2019/06/été/`); `to` is the article URL (`/articles/<id>/`). Sorted by `from`, one entry per
 * old path (the first article by id wins a shared path), never a path the new site serves itself. Filled from each
 * imported article's recorded old paths (`imported.paths`, written by `npm run import`). Callable outside Astro
 * (astro.config, scripts/deploy-config.ts, `npm run check:host`): reads files, never `astro:content`.
 */
import { articleFiles } from './article-files.ts';
import { importedArticles } from './imported.ts';
import { contentDir as defaultContentDir } from '../site.config.ts';
import { paths } from './urls.ts';
import { escapeHtml } from './escape-html.ts';

export interface LegacyRedirect {
  /** The old path on this site, without the base path. */
  from: string;
  /** The canonical site path it moved to, without the base path. */
  to: string;
}
export type Redirect = LegacyRedirect;

/** Paths the site itself serves: an old path there would shadow (or be shadowed by) a real page. */
const SITE_SECTIONS = /^\/(articles|distros|topics|series|authors|search|feeds|lifecycles|api|_astro|pagefind)(\/|$)/;

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Redirects for a list of articles (pure): `paths` are the old paths, `id` the article id. Drafts never redirect. */
export function redirectsFor(articles: { id: string; paths: string[]; draft?: boolean }[]): Redirect[] {
  const byFrom = new Map<string, Redirect>();
  for (const a of [...articles].sort((x, y) => x.id.localeCompare(y.id))) {
    if (a.draft) continue;
    const to = paths.article(a.id);
    for (const raw of a.paths) {
      const from = decodePath(raw.split(/[?#]/)[0] ?? '').normalize('NFC');
      if (!from.startsWith('/') || from === '/' || from === to || SITE_SECTIONS.test(from)) continue;
      const key = from
        .replace(/\/index\.html?$/, '/')
        .replace(/\/+$/, '')
        .toLowerCase();
      if (!byFrom.has(key)) byFrom.set(key, { from, to });
    }
  }
  return [...byFrom.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Every legacy redirect of a content tree (default: CONTENT_DIR or ./content), from the imported articles' front matter. */
export function legacyRedirects(contentDir: string = defaultContentDir(process.env)): LegacyRedirect[] {
  const imported = importedArticles(articleFiles(`${contentDir}/articles`));
  return redirectsFor([...imported.values()]);
}

/**
 * WordPress's own short links, `/?p=<id>` (and `/index.php?p=<id>`), of imported articles: the post id recorded in
 * provenance (`imported.wordpressId`) → the article URL (a site path without the base). Only hosts that can match a
 * query string serve them (nginx, Apache, Caddy, Netlify, the CloudFront function); Cloudflare Pages' `_redirects`
 * and plain buckets cannot (docs/importing.md). Sorted by id, one per id (the first article by id wins), no drafts.
 */
export interface QueryRedirect {
  /** The query parameter WordPress used: `p` for posts (the importer imports posts only). */
  param: 'p';
  /** Its value, the post id. */
  value: string;
  /** The article URL it moved to, without the base path. */
  to: string;
}

/** Query-string redirects for a list of articles (pure). */
export function queryRedirectsFor(articles: { id: string; wordpressId?: number; draft?: boolean }[]): QueryRedirect[] {
  const byId = new Map<number, QueryRedirect>();
  for (const a of [...articles].sort((x, y) => x.id.localeCompare(y.id))) {
    if (a.draft || !a.wordpressId || byId.has(a.wordpressId)) continue;
    byId.set(a.wordpressId, { param: 'p', value: String(a.wordpressId), to: paths.article(a.id) });
  }
  return [...byId.entries()].sort(([x], [y]) => x - y).map(([, r]) => r);
}

/** Every `/?p=<id>` redirect of a content tree (default: CONTENT_DIR or ./content). */
export function legacyQueryRedirects(contentDir: string = defaultContentDir(process.env)): QueryRedirect[] {
  return queryRedirectsFor([...importedArticles(articleFiles(`${contentDir}/articles`)).values()]);
}

/** The file a static host serves for an old path: /a/b/ → a/b/index.html, /a/b.html → a/b.html, /a/b → a/b/index.html. */
export function redirectPageFile(from: string): string {
  const rel = from.replace(/^\/+/, '');
  return /\.html?$/i.test(rel) ? rel : `${rel.replace(/\/+$/, '')}/index.html`;
}

/** A static redirect page for hosts without redirect rules: canonical link + meta refresh, no script. */
export function redirectPage(target: string, absolute: string, lang: string): string {
  const t = escapeHtml(encodeURI(target));
  const a = escapeHtml(encodeURI(absolute));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${a}">
<meta http-equiv="refresh" content="0; url=${t}">
</head>
<body>
<p>This article has moved to <a href="${t}">${a}</a>.</p>
</body>
</html>
`;
}
