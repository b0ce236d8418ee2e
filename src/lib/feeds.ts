import { Feed } from 'feed';
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

function buildFeed(meta: FeedMeta, entries: readonly FeedEntry[]): Feed {
  const feed = new Feed({
    id: meta.homeUrl,
    title: `${meta.title} · ${SITE.name}`,
    description: meta.description,
    link: meta.homeUrl,
    language: SITE.lang,
    updated: updatedOf(meta, entries),
    generator: SITE.name,
    copyright: `© ${SITE.name}`,
    feedLinks: { rss: meta.urls.rss, atom: meta.urls.atom, json: meta.urls.json },
    favicon: new URL('favicon.svg', meta.siteUrl).href,
    author: { name: SITE.name, link: meta.siteUrl },
  });
  for (const e of entries) {
    feed.addItem({
      title: e.title,
      id: e.id,
      guid: e.id,
      link: e.url,
      description: e.summary,
      content: e.html,
      date: e.updated,
      published: e.published,
      author: e.authors.map((name) => ({ name })),
      category: e.tags.map((name) => ({ name })),
      image: e.image,
    });
  }
  return feed;
}

/** RSS 2.0 with atom:link rel="self". */
export function rss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const xml = buildFeed(meta, entries).rss2();
  // The library marks GUIDs as permalinks when they look like URLs; tag: URIs are not, say so explicitly.
  return xml.replace(/<guid>/g, '<guid isPermaLink="false">');
}

/** Atom 1.0. */
export function atom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return buildFeed(meta, entries).atom1();
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
