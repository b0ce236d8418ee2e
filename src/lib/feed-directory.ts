/**
 * Every feed a reader can subscribe to, grouped as the feeds page shows them. The feeds page and the OPML file both
 * read this one list, so they cannot disagree, and it holds only feeds that exist and have items: scopes with no
 * article and lifecycle feeds with no event yet are not built and never listed (src/lib/scopes.ts).
 */
import { FEED_FORMATS, type FeedFormat } from './feed-formats.ts';
import { paths } from './urls.ts';
import type { CalendarScope, LifecycleScope, Scope } from './scopes.ts';

export type FeedGroupId = 'site' | 'section' | 'distro' | 'topic' | 'series' | 'lifecycle' | 'author';

export interface ListedFeed {
  /** Stands alone, e.g. in an OPML file: "Debian coverage". */
  title: string;
  /** The name within its group: "Debian". */
  label: string;
  description: string;
  /** Site path of the page the feed mirrors. */
  page: string;
  /** Site path of each format's file. */
  files: { format: FeedFormat; path: string }[];
}

export interface FeedGroup {
  id: FeedGroupId;
  title: string;
  /** One sentence on what the group's feeds carry. */
  intro: string;
  /** What one feed of the group is a feed of, for counts: "14 distribution feeds". */
  noun: string;
  feeds: ListedFeed[];
}

const GROUPS: Record<FeedGroupId, { title: string; intro: string; noun: string }> = {
  site: { title: 'Whole site', intro: 'Every article Downstream publishes.', noun: 'site' },
  section: { title: 'Sections', intro: 'One kind of article: news, analysis, guides or opinion.', noun: 'section' },
  distro: { title: 'Distributions', intro: 'Articles about one distribution.', noun: 'distribution' },
  topic: { title: 'Topics', intro: 'Articles on one subject, across distributions.', noun: 'topic' },
  series: { title: 'Series', intro: 'Story arcs followed over several articles.', noun: 'series' },
  lifecycle: {
    title: 'Lifecycle events',
    noun: 'lifecycle-event',
    intro:
      'Not articles but dates from our distribution database: a release, an end of full support or an end of life, each an item on the day it happens.',
  },
  author: { title: 'Desks', intro: 'Everything one desk writes.', noun: 'desk' },
};

/** The order groups appear in, on the page and in the OPML file. */
export const FEED_GROUP_ORDER: readonly FeedGroupId[] = [
  'site',
  'section',
  'distro',
  'topic',
  'series',
  'lifecycle',
  'author',
];

const filesOf = (dir: string) => FEED_FORMATS.map((format) => ({ format, path: paths.feed(dir, format) }));

/**
 * Groups in FEED_GROUP_ORDER, each feed in the order its scopes come (sections in their fixed order, the rest by
 * name), groups without a feed left out. `scopes` must already be the ones with feeds (scopesWithFeeds).
 */
export function feedDirectory(scopes: readonly Scope[], lifecycle: readonly LifecycleScope[]): FeedGroup[] {
  const feeds = new Map<FeedGroupId, ListedFeed[]>(FEED_GROUP_ORDER.map((id) => [id, []]));
  for (const s of scopes) {
    feeds.get(s.kind)!.push({
      title: s.title,
      label: s.label,
      description: s.description,
      page: s.path,
      files: filesOf(s.path),
    });
  }
  for (const s of lifecycle) {
    feeds.get('lifecycle')!.push({
      title: s.title,
      label: s.label,
      description: s.description,
      page: s.page,
      files: filesOf(s.dir),
    });
  }
  return FEED_GROUP_ORDER.map((id) => ({ id, ...GROUPS[id], feeds: feeds.get(id)! })).filter((g) => g.feeds.length > 0);
}

export interface ListedCalendar {
  label: string;
  /** Site path of the .ics file. */
  path: string;
}

export const calendarDirectory = (calendars: readonly CalendarScope[]): ListedCalendar[] =>
  calendars.map((c) => ({ label: c.title, path: c.path }));
