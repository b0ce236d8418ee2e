import type { APIRoute, GetStaticPaths } from 'astro';
import { getDistros } from '../lib/content.ts';
import { buildNow } from '../lib/clock.ts';
import { calendarOf, eventSection, releaseEvents } from '../lib/calendar.ts';
import { calendarScopes } from '../lib/scopes.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import { CALENDAR } from '../lib/feed-formats.ts';

/** The release calendar of all distributions, and of each one with releases (calendarScopes). */
export const getStaticPaths = (async () => {
  const scopes = await calendarScopes();
  return scopes.map((scope) => ({
    params: { calendar: scope.path.slice(1) },
    props: {
      ids: scope.distroIds,
      name:
        scope.id === 'all'
          ? 'Downstream: distribution releases and end-of-life dates'
          : `${scope.title} releases and end-of-life dates`,
    },
  }));
}) satisfies GetStaticPaths;

/** Each distribution's events, written once per build: the site's calendar repeats every one of them. */
const sections = new Map<string, string>();

export const GET: APIRoute = async ({ props, site }) => {
  const { ids, name } = props as { ids: string[]; name: string };
  const distros = new Map((await getDistros()).map((d) => [d.id, d]));
  const host = site!.hostname;
  const section = (id: string) => {
    let text = sections.get(id);
    if (text === undefined) {
      const d = distros.get(id)!;
      text = eventSection(
        releaseEvents(
          { id, name: d.data.name, url: absoluteUrl(paths.distro(id), site!), releases: d.data.releases },
          host,
          buildNow(),
        ),
      );
      sections.set(id, text);
    }
    return text;
  };
  return new Response(calendarOf(name, ids.map(section)), {
    headers: { 'Content-Type': `${CALENDAR.mime}; charset=utf-8` },
  });
};
