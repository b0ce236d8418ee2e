/**
 * The ways coverage is sliced: the whole site, each section, distribution, topic, series and desk. Pages, feeds and
 * the feed directory all enumerate scopes from here, so a new kind of listing gets its feed for free.
 *
 * A scope with no articles has no feed: the feed route builds none, and nothing links or announces one
 * (`hasFeed`). A subscriber to an empty feed would wait for items that may never come.
 */
import {
  getArticles,
  getArticlesBySeries,
  getDistros,
  getIndex,
  getSeriesList,
  articlesByAuthor,
  articlesOfType,
  articlesWithDistro,
  articlesWithTopic,
  type Article,
  type Distro,
} from './content.ts';
import { buildNow } from './clock.ts';
import { pastEvents, type DatedEvent } from './lifecycle-feeds.ts';
import { paths } from './urls.ts';
import { SECTION_LIST } from './sections.ts';
import { SITE } from '../site.config.ts';

export interface Scope {
  kind: 'site' | 'section' | 'distro' | 'topic' | 'series' | 'author';
  id: string;
  title: string;
  /** The short name in a list of its kind ("Debian" among distributions); `title` stands alone ("Debian coverage"). */
  label: string;
  description: string;
  /** Site path of the HTML listing; its feeds live beside it (paths.feed). */
  path: string;
  /** Newest first. */
  articles: Article[];
}

/** Whether a scope's feeds exist: only a scope with at least one article has them. */
export const hasFeed = (scope: Pick<Scope, 'articles'>): boolean => scope.articles.length > 0;

let scopesCache: Promise<Scope[]> | undefined;

/** Every scope, empty ones included (their pages exist; their feeds do not: filter with `hasFeed`). */
export function feedScopes(): Promise<Scope[]> {
  scopesCache ??= buildScopes();
  return scopesCache;
}

/** The scopes that have feeds, in the order of feedScopes(). */
export const scopesWithFeeds = async (): Promise<Scope[]> => (await feedScopes()).filter(hasFeed);

async function buildScopes(): Promise<Scope[]> {
  const [articles, index, series, bySeries] = await Promise.all([
    getArticles(),
    getIndex(),
    getSeriesList(),
    getArticlesBySeries(),
  ]);
  const scopes: Scope[] = [
    {
      kind: 'site',
      id: 'all',
      title: 'All coverage',
      label: 'All coverage',
      description: SITE.description,
      path: '/',
      articles,
    },
  ];
  for (const s of SECTION_LIST) {
    scopes.push({
      kind: 'section',
      id: s.type,
      title: s.title,
      label: s.title,
      description: s.description,
      path: paths.section(s.type),
      articles: articlesOfType(articles, s.type),
    });
  }
  for (const d of index.distros.values()) {
    scopes.push({
      kind: 'distro',
      id: d.id,
      title: `${d.data.name} coverage`,
      label: d.data.name,
      description: `Downstream's coverage of ${d.data.name}.`,
      path: paths.distro(d.id),
      articles: articlesWithDistro(articles, d.id),
    });
  }
  for (const t of index.topics.values()) {
    scopes.push({
      kind: 'topic',
      id: t.id,
      title: t.data.name,
      label: t.data.name,
      description: t.data.description,
      path: paths.topic(t.id),
      articles: articlesWithTopic(articles, t.id),
    });
  }
  for (const s of series) {
    scopes.push({
      kind: 'series',
      id: s.id,
      title: s.data.name,
      label: s.data.name,
      description: s.data.description,
      path: paths.series(s.id),
      articles: [...(bySeries.get(s.id) ?? [])],
    });
  }
  for (const a of index.authors.values()) {
    scopes.push({
      kind: 'author',
      id: a.id,
      title: a.data.name,
      label: a.data.name,
      description: a.data.bio,
      path: paths.author(a.id),
      articles: articlesByAuthor(articles, a.id),
    });
  }
  return scopes;
}

export type { Article };

/** A lifecycle-event feed: every distribution's events, or one distribution's (src/pages/[...lifecycleFeed].ts). */
export interface LifecycleScope {
  /** "all", or the distribution's id. */
  id: string;
  title: string;
  /** The short name among lifecycle feeds: "All distributions" or the distribution's name. */
  label: string;
  description: string;
  /** Site path of the directory holding the feed files (paths.lifecycleFeeds). */
  dir: string;
  /** Site path of the page the feed mirrors: the lifecycles page, or the distribution's hub. */
  page: string;
  /** Events up to the build clock, newest first, at most SITE.feedSize. */
  events: DatedEvent[];
}

let lifecycleCache: Promise<LifecycleScope[]> | undefined;

/**
 * The lifecycle-event feeds that have items: a distribution whose every date is still ahead of the build clock
 * (or that has no releases) has none yet.
 */
export function lifecycleScopes(): Promise<LifecycleScope[]> {
  lifecycleCache ??= (async () => {
    const distros = (await getDistros()).filter((d) => d.data.releases.length > 0);
    const now = buildNow();
    const events = (list: Distro[]) => pastEvents(list, now).slice(0, SITE.feedSize);
    const scopes: LifecycleScope[] = [
      {
        id: 'all',
        title: 'Lifecycle events',
        label: 'All distributions',
        description:
          'Releases, ends of full support and ends of life of the distributions Downstream covers, each on its day.',
        dir: paths.lifecycleFeeds(),
        page: paths.lifecycles(),
        events: events(distros),
      },
      ...distros.map((d) => ({
        id: d.id,
        title: `${d.data.name} lifecycle events`,
        label: d.data.name,
        description: `Releases, ends of full support and ends of life of ${d.data.name}, each on its day.`,
        dir: paths.lifecycleFeeds(d.id),
        page: paths.distro(d.id),
        events: events([d]),
      })),
    ];
    return scopes.filter((s) => s.events.length > 0);
  })();
  return lifecycleCache;
}

/** A release calendar (src/pages/[...calendar].ts): every distribution with releases, and all of them together. */
export interface CalendarScope {
  id: string;
  title: string;
  /** The distributions whose releases it holds. */
  distroIds: string[];
  /** Site path of the .ics file (paths.calendar). */
  path: string;
}

/** Every calendar that is built: one per distribution with at least one release, and one for all of them. */
export async function calendarScopes(): Promise<CalendarScope[]> {
  const distros = (await getDistros()).filter((d) => d.data.releases.length > 0);
  if (distros.length === 0) return [];
  return [
    { id: 'all', title: 'All distributions', distroIds: distros.map((d) => d.id), path: paths.calendar() },
    ...distros.map((d) => ({ id: d.id, title: d.data.name, distroIds: [d.id], path: paths.calendar(d.id) })),
  ];
}
