import type { HTMLElement } from 'node-html-parser';
import { lineAt, loadPage, type BuiltPage, type DistIndex } from './dist-index.ts';
import { EXTERNAL_CLASS } from '../../lib/external-links.ts';
import { slashedBase } from '../../lib/urls.ts';
import { FEED_FORMATS, OPML } from '../../lib/feed-formats.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Problem {
  check: string;
  /** The built file, relative to dist/. */
  file: string;
  line: number;
  message: string;
  /** The element's href/src when the problem is about a link, to map it back to content. */
  target?: string;
  /** True when the element sits inside an article body (content written by editors). */
  inContent: boolean;
}

export type Check = (page: BuiltPage, site: DistIndex) => Problem[];

const problem = (
  check: string,
  page: BuiltPage,
  el: HTMLElement | null,
  message: string,
  target?: string,
): Problem => ({
  check,
  file: page.file,
  line: el ? lineAt(page.html, el.range[0]) : 1,
  message,
  target,
  inContent: !!el?.closest('.article-body'),
});

const URL_ATTRS: [string, string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
];

/** The built file a URL path is served from, if any. */
export function resolveInternal(site: DistIndex, path: string): string | undefined {
  const b = slashedBase(site.base);
  if (!path.startsWith(b) && `${path}/` !== b) return undefined;
  const rel = decodeURIComponent(path.slice(b.length));
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  return site.files.has(file) ? file : undefined;
}

/**
 * What is wrong with one internal URL attribute of a page, resolved against the current build: the target is not
 * built, or (for an <a>) its #fragment names no id on the target page. `idsOf` gives a built page's ids.
 */
export function linkProblem(
  site: DistIndex,
  pageUrl: URL,
  link: { attr: string; raw: string; anchor: boolean },
  idsOf: (file: string) => Set<string>,
): { check: string; message: string } | undefined {
  const { attr, raw } = link;
  if (/^(mailto:|tel:|data:|javascript:)/i.test(raw)) return undefined;
  const target = new URL(raw, pageUrl);
  if (target.origin !== pageUrl.origin) return undefined;
  const found = resolveInternal(site, target.pathname);
  if (!found)
    return { check: 'links', message: `${attr}="${raw}" points to ${target.pathname}, which is not in the build` };
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment && link.anchor && found.endsWith('.html') && !idsOf(found).has(fragment))
    return { check: 'anchors', message: `href="${raw}": no element with id="${fragment}" on ${target.pathname}` };
  return undefined;
}

/** Every internal href/src resolves to a built file, and every #fragment to an id on the target page. */
export const internalLinks: Check = (page, site) => {
  const out: Problem[] = [];
  const pageUrl = new URL(page.url, 'http://site.invalid');
  const idsOf = (file: string) => (file === page.file ? page.ids : site.idsOf(file));
  for (const [selector, attr] of URL_ATTRS) {
    for (const el of page.root.querySelectorAll(selector)) {
      const raw = el.getAttribute(attr)!;
      const found = linkProblem(site, pageUrl, { attr, raw, anchor: el.tagName === 'A' }, idsOf);
      if (found) out.push(problem(found.check, page, el, found.message, raw));
    }
  }
  return out;
};

/** Every page has a title, a description, a canonical URL and a language. */
export const pageMetadata: Check = (page) => {
  if (page.file === '404.html' || page.root.querySelector('meta[http-equiv="refresh"]')) {
    // The 404 page is served at any URL; it needs no canonical. Redirect stubs are not pages.
    return page.root.querySelector('title')?.text.trim() ? [] : [problem('metadata', page, null, 'missing <title>')];
  }
  const out: Problem[] = [];
  const html = page.root.querySelector('html');
  if (!html?.getAttribute('lang')) out.push(problem('metadata', page, html, '<html> has no lang attribute'));
  if (!page.root.querySelector('title')?.text.trim())
    out.push(problem('metadata', page, null, 'missing or empty <title>'));
  const desc = page.root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim();
  if (!desc) out.push(problem('metadata', page, null, 'missing <meta name="description">'));
  const canonical = page.root.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!canonical || !/^https?:\/\//.test(canonical))
    out.push(problem('metadata', page, null, 'missing absolute <link rel="canonical">'));
  return out;
};

/** Links that leave the site carry rel="noopener" and are marked as external. */
export const externalLinks: Check = (page) => {
  const out: Problem[] = [];
  for (const a of page.root.querySelectorAll('a[href^="http"]')) {
    const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
    if (!rel.includes('noopener'))
      out.push(
        problem(
          'external',
          page,
          a,
          `external link ${a.getAttribute('href')} lacks rel="noopener"`,
          a.getAttribute('href'),
        ),
      );
    if (!rel.includes(EXTERNAL_CLASS) && !a.classList.contains(EXTERNAL_CLASS)) {
      out.push(
        problem(
          'external',
          page,
          a,
          `external link ${a.getAttribute('href')} is not marked as external`,
          a.getAttribute('href'),
        ),
      );
    }
  }
  return out;
};

/** Every image has alt text (empty alt only for images marked decorative with role="presentation"). */
export const imageAlt: Check = (page) =>
  page.root
    .querySelectorAll('img')
    .filter((img) => {
      const alt = img.getAttribute('alt');
      return alt === undefined || (alt.trim() === '' && img.getAttribute('role') !== 'presentation');
    })
    .map((img) =>
      problem('images', page, img, `<img src="${img.getAttribute('src')}"> has no alt text`, img.getAttribute('src')),
    );

const FEED_TYPES = new Set<string>(FEED_FORMATS.map((f) => f.mime));
const FEED_FILES = FEED_FORMATS.map((f) => `/${f.file}`);

/** The number of items in a built feed file (RSS items, Atom entries, JSON Feed items); -1 when it does not parse. */
export function feedItemCount(text: string, file: string): number {
  if (file.endsWith('.json')) {
    try {
      const items = (JSON.parse(text) as { items?: unknown }).items;
      return Array.isArray(items) ? items.length : -1;
    } catch {
      return -1;
    }
  }
  const tag = /<rss[\s>]/.test(text) ? 'item' : /<feed[\s>]/.test(text) ? 'entry' : undefined;
  return tag ? (text.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length : -1;
}

const itemCounts = new WeakMap<DistIndex, Map<string, number>>();

/** Problems of one feed URL (a path under the site): it must be built and hold at least one item. */
export function feedProblem(site: DistIndex, path: string): string | undefined {
  const file = resolveInternal(site, path);
  if (!file) return `advertises the feed ${path}, which is not in the build`;
  let counts = itemCounts.get(site);
  if (!counts) itemCounts.set(site, (counts = new Map()));
  let n = counts.get(file);
  if (n === undefined) {
    n = feedItemCount(readFileSync(join(site.dir, file), 'utf8'), file);
    counts.set(file, n);
  }
  if (n < 0) return `advertises the feed ${path}, which is not an RSS, Atom or JSON feed`;
  if (n === 0) return `advertises the feed ${path}, which has no items: do not link or announce an empty feed`;
  return undefined;
}

/**
 * Every feed a page announces (<link rel="alternate"> of a feed type, absolute on the site's origin) or links to
 * (feed.xml, atom.xml, feed.json) exists in the build and has at least one item; an announced OPML list exists.
 */
export const advertisedFeeds: Check = (page, site) => {
  const out: Problem[] = [];
  const canonical = page.root.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const origin = canonical ? new URL(canonical).origin : undefined;
  const pageUrl = new URL(page.url, origin ?? 'http://site.invalid');
  for (const el of page.root.querySelectorAll('link[rel="alternate"][href]')) {
    const type = el.getAttribute('type') ?? '';
    if (!FEED_TYPES.has(type) && type !== OPML.mime) continue;
    const target = new URL(el.getAttribute('href')!, pageUrl);
    if (target.origin !== pageUrl.origin) {
      out.push(problem('feeds', page, el, `<link rel="alternate"> points off the site: ${target.href}`));
      continue;
    }
    const message =
      type === OPML.mime
        ? resolveInternal(site, target.pathname)
          ? undefined
          : `advertises ${target.pathname}, which is not in the build`
        : feedProblem(site, target.pathname);
    if (message) out.push(problem('feeds', page, el, message, el.getAttribute('href')!));
  }
  for (const el of page.root.querySelectorAll('a[href]')) {
    const target = new URL(el.getAttribute('href')!, pageUrl);
    if (target.origin !== pageUrl.origin || !FEED_FILES.some((f) => target.pathname.endsWith(f))) continue;
    const message = feedProblem(site, target.pathname);
    if (message) out.push(problem('feeds', page, el, message, el.getAttribute('href')!));
  }
  return out;
};

/** Every feed the OPML list names (xmlUrl) exists in the build and has at least one item. */
export function opmlProblems(site: DistIndex, origin: string): Problem[] {
  const file = OPML.file;
  if (!site.files.has(file)) return [];
  const text = readFileSync(join(site.dir, file), 'utf8');
  const out: Problem[] = [];
  for (const m of text.matchAll(/xmlUrl="([^"]+)"/g)) {
    const target = new URL(m[1]!.replace(/&amp;/g, '&'));
    const message =
      target.origin !== origin ? `lists ${target.href}, which is not on ${origin}` : feedProblem(site, target.pathname);
    if (message)
      out.push({ check: 'feeds', file, line: lineAt(text, m.index), message, target: m[1], inContent: false });
  }
  return out;
}

export const ALL_CHECKS: Record<string, Check> = {
  internalLinks,
  pageMetadata,
  externalLinks,
  imageAlt,
  advertisedFeeds,
};

/** Runs checks over the built pages whose file passes `only`, one parsed page in memory at a time. */
export function runChecks(site: DistIndex, checks: Check[], only: (file: string) => boolean = () => true): Problem[] {
  const problems: Problem[] = [];
  for (const file of site.htmlFiles) {
    if (!only(file)) continue;
    const page = loadPage(site, file);
    for (const check of checks) problems.push(...check(page, site));
  }
  return problems;
}
