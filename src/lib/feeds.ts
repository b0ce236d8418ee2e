import { SITE } from '../site.config.ts';
import { FEED_FORMATS, type FeedFormat, type FeedFormatId } from './feed-formats.ts';
import { paths } from './urls.ts';

/** One entry of a feed, with absolute URLs and the full article HTML. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: Date;
  updated: Date;
  authors: string[];
  tags: string[];
  image?: string;
}

export interface FeedMeta {
  /** e.g. "AlmaLinux OS coverage" */
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  /** Absolute URLs of every format; each names itself as rel="self". */
  urls: Record<FeedFormatId, string>;
  /** The build clock: the feed's "updated" when it has no entries. */
  now: Date;
  siteUrl: string;
  /** Absolute URL of the image that stands for the feed (the site's default social image). */
  iconUrl: string;
}

/**
 * A GUID that survives rebuilds and moves: derived from the site and the article id, never from the build.
 * Written as a tag URI (RFC 4151) so it is a valid Atom id.
 */
export function entryGuid(siteUrl: string, articleId: string, published: Date): string {
  const host = new URL(siteUrl).hostname;
  return `tag:${host},${published.toISOString().slice(0, 10)}:articles/${articleId}`;
}

const updatedOf = (meta: FeedMeta, entries: readonly FeedEntry[]) =>
  entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries[0]?.updated ?? meta.now);

/*
 * RSS and Atom are written as strings, in the layout the `feed` package (6.0, through xml-js) gave them before:
 * 4-space indentation, CDATA for titles, summaries and content, no newline at the end. That package built an
 * object tree per feed and joined every article body into it level by level, about 1 s of CPU for the feeds of
 * 1,000 articles; writing the strings directly takes a small fraction of that, with the same bytes.
 */

/** Element text: a written "&amp;" stays one ampersand (as the package did), then & < > are escaped. */
const text = (s: string): string =>
  s.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A double-quoted attribute value. */
const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An absolute URL in its normalised form (as the WHATWG URL parser writes it). */
const normalUrl = (url: string): string => new URL(url).href;

/** CDATA section; a "]]>" inside is split across two sections. */
const cdata = (s: string): string => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

const indent = (depth: number): string => `\n${'    '.repeat(depth)}`;

/** MIME type of an image from its URL's extension ("image/png"). */
const imageType = (url: string): string => `image/${new URL(url).pathname.split('.').at(-1)}`;

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const RSS_DOCS = 'https://validator.w3.org/feed/docs/rss2.html';

function rssItem(e: FeedEntry): string {
  const i = indent(3);
  let xml = `${indent(2)}<item>`;
  if (e.title) xml += `${i}<title>${cdata(e.title)}</title>`;
  xml += `${i}<link>${text(normalUrl(e.url))}</link>`;
  xml += `${i}<guid isPermaLink="false">${text(e.id)}</guid>`;
  xml += `${i}<pubDate>${e.published.toUTCString()}</pubDate>`;
  if (e.summary) xml += `${i}<description>${cdata(e.summary)}</description>`;
  if (e.html) xml += `${i}<content:encoded>${cdata(e.html)}</content:encoded>`;
  for (const name of e.authors) if (name) xml += `${i}<author>${text(name)}</author>`;
  for (const name of e.tags) xml += `${i}<category>${text(name)}</category>`;
  if (e.image) {
    const url = normalUrl(e.image);
    xml += `${i}<enclosure url="${attr(url)}" length="0" type="${attr(imageType(url))}"/>`;
  }
  return `${xml}${indent(2)}</item>`;
}

/** RSS 2.0 with atom:link rel="self". GUIDs are tag: URIs, so never permalinks. */
export function rss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const c = indent(2);
  const namespaces = entries.some((e) => e.html)
    ? ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    : '';
  return (
    `${XML_DECLARATION}\n<rss version="2.0"${namespaces} xmlns:atom="http://www.w3.org/2005/Atom">` +
    `${indent(1)}<channel>` +
    `${c}<title>${text(`${meta.title} · ${SITE.name}`)}</title>` +
    `${c}<link>${text(normalUrl(meta.homeUrl))}</link>` +
    `${c}<description>${text(meta.description)}</description>` +
    `${c}<lastBuildDate>${updatedOf(meta, entries).toUTCString()}</lastBuildDate>` +
    `${c}<docs>${RSS_DOCS}</docs>` +
    `${c}<generator>${text(SITE.name)}</generator>` +
    `${c}<language>${text(SITE.lang)}</language>` +
    `${c}<copyright>${text(`© ${SITE.name}`)}</copyright>` +
    `${c}<atom:link href="${attr(normalUrl(meta.urls.rss))}" rel="self" type="application/rss+xml"/>` +
    entries.map(rssItem).join('') +
    `${indent(1)}</channel>\n</rss>`
  );
}

function atomEntry(e: FeedEntry): string {
  const i = indent(2);
  let xml = `${indent(1)}<entry>`;
  xml += `${i}<title type="html">${cdata(e.title)}</title>`;
  xml += `${i}<id>${text(normalUrl(e.id))}</id>`;
  xml += `${i}<link href="${attr(normalUrl(e.url))}"/>`;
  if (e.image) {
    const url = normalUrl(e.image);
    xml += `${i}<link rel="enclosure" href="${attr(url)}" type="${attr(imageType(url))}"/>`;
  }
  xml += `${i}<updated>${e.updated.toISOString()}</updated>`;
  if (e.summary) xml += `${i}<summary type="html">${cdata(e.summary)}</summary>`;
  if (e.html) xml += `${i}<content type="html">${cdata(e.html)}</content>`;
  for (const name of e.authors) xml += `${i}<author>${indent(3)}<name>${text(name)}</name>${i}</author>`;
  for (const name of e.tags) xml += `${i}<category label="${attr(name)}"/>`;
  xml += `${i}<published>${e.published.toISOString()}</published>`;
  return `${xml}${indent(1)}</entry>`;
}

/** Atom 1.0. */
export function atom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const f = indent(1);
  return (
    `${XML_DECLARATION}\n<feed xmlns="http://www.w3.org/2005/Atom">` +
    `${f}<id>${text(meta.homeUrl)}</id>` +
    `${f}<title>${text(`${meta.title} · ${SITE.name}`)}</title>` +
    `${f}<updated>${updatedOf(meta, entries).toISOString()}</updated>` +
    `${f}<generator>${text(SITE.name)}</generator>` +
    `${f}<author>${indent(2)}<name>${text(SITE.name)}</name>${indent(2)}<uri>${text(normalUrl(meta.siteUrl))}</uri>${f}</author>` +
    `${f}<link rel="alternate" href="${attr(normalUrl(meta.homeUrl))}"/>` +
    `${f}<link rel="self" href="${attr(normalUrl(meta.urls.atom))}"/>` +
    `${f}<subtitle>${text(meta.description)}</subtitle>` +
    `${f}<icon>${text(new URL('favicon.svg', meta.siteUrl).href)}</icon>` +
    `${f}<rights>${text(`© ${SITE.name}`)}</rights>` +
    entries.map(atomEntry).join('') +
    `\n</feed>`
  );
}

/** JSON Feed 1.1 (the feed library only writes version 1). */
export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${meta.title} · ${SITE.name}`,
    home_page_url: meta.homeUrl,
    feed_url: meta.urls.json,
    description: meta.description,
    icon: meta.iconUrl,
    favicon: new URL('favicon.svg', meta.siteUrl).href,
    language: SITE.lang,
    authors: [{ name: SITE.name, url: meta.siteUrl }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.html,
      date_published: e.published.toISOString(),
      date_modified: e.updated.toISOString(),
      authors: e.authors.map((name) => ({ name })),
      tags: e.tags,
      ...(e.image ? { image: e.image } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const RENDERERS: Record<FeedFormatId, (meta: FeedMeta, entries: readonly FeedEntry[]) => string> = {
  rss,
  atom,
  json: jsonFeed,
};

/** The document of one feed format. */
export function renderFeed(format: FeedFormatId, meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return RENDERERS[format](meta, entries);
}

/** One static path of a feed route: the feed file (without its leading slash) and what the route renders. */
export interface FeedRoute<S, P extends string> {
  params: Record<P, string>;
  props: { scope: S; format: FeedFormat };
}

/**
 * The static paths of a feed route: every format of every scope, each at the feed file of the scope's listing
 * (`listing(scope)`, a site path such as "/distros/debian/"), under the route's rest parameter `param`.
 */
export function feedRoutes<S, P extends string>(
  scopes: readonly S[],
  listing: (scope: S) => string,
  param: P,
): FeedRoute<S, P>[] {
  return scopes.flatMap((scope) =>
    FEED_FORMATS.map((format) => ({
      params: { [param]: paths.feed(listing(scope), format).slice(1) } as Record<P, string>,
      props: { scope, format },
    })),
  );
}
