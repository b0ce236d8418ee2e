/**
 * The feed formats every listing is published in. File names, MIME types and labels live here only: the feed
 * route, <link rel="alternate">, the feed links on listings, the footer and the feeds page all read this list.
 */
export const FEED_FORMATS = [
  { id: 'rss', file: 'feed.xml', mime: 'application/rss+xml', label: 'RSS', name: 'RSS feed' },
  { id: 'atom', file: 'atom.xml', mime: 'application/atom+xml', label: 'Atom', name: 'Atom feed' },
  { id: 'json', file: 'feed.json', mime: 'application/feed+json', label: 'JSON Feed', name: 'JSON Feed' },
] as const;

export type FeedFormat = (typeof FEED_FORMATS)[number];
export type FeedFormatId = FeedFormat['id'];
export type FeedFile = FeedFormat['file'];

/** The format served from a file name. */
export function feedFormatOf(file: string): FeedFormat {
  const format = FEED_FORMATS.find((f) => f.file === file);
  if (!format)
    throw new Error(`Unknown feed file "${file}": expected one of ${FEED_FORMATS.map((f) => f.file).join(', ')}`);
  return format;
}

/** Content-Type header of a feed response. */
export const feedContentType = (format: FeedFormat): string => `${format.mime}; charset=utf-8`;

/** Calendars: one iCalendar file per listing that has one. */
export const CALENDAR = { file: 'releases.ics', mime: 'text/calendar' } as const;

/**
 * The OPML 2.0 subscription list of every feed (src/pages/feeds.opml.ts). It lists each feed once, in RSS 2.0:
 * the format every feed reader that imports OPML can read, and the one OPML's own subscription-list outlines
 * (type="rss") were specified for.
 */
export const OPML = { file: 'feeds.opml', mime: 'text/x-opml', format: FEED_FORMATS[0] } as const;
