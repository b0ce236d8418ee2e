/**
 * The feed formats every listing is published in. File names and MIME types live here only, the labels in the UI
 * strings (src/lib/ui-strings.ts): the feed route, <link rel="alternate">, the feed links on listings, the footer
 * and the feeds page all read this list.
 */
import { UI } from './ui-strings.ts';

export const FEED_FORMATS = [
  { id: 'rss', file: 'feed.xml', mime: 'application/rss+xml', ...UI.feeds.rss },
  { id: 'atom', file: 'atom.xml', mime: 'application/atom+xml', ...UI.feeds.atom },
  { id: 'json', file: 'feed.json', mime: 'application/feed+json', ...UI.feeds.json },
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
