import type { APIRoute, GetStaticPaths } from 'astro';
import { getDistros } from '../lib/content.ts';
import { buildNow } from '../lib/clock.ts';
import { feedMeta } from '../lib/feed-entries.ts';
import { renderFeed } from '../lib/feeds.ts';
import { FEED_FORMATS, feedContentType } from '../lib/feed-formats.ts';
import { eventEntries, pastEvents } from '../lib/lifecycle-feeds.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** Lifecycle-event feeds: /lifecycles/feed.xml (…atom.xml, feed.json) for all, /distros/<id>/lifecycle/… for each. */
export const getStaticPaths = (async () => {
  const distros = (await getDistros()).filter((d) => d.data.releases.length > 0);
  const scopes = [
    {
      ids: distros.map((d) => d.id),
      dir: paths.lifecycleFeeds(),
      page: paths.lifecycles(),
      title: 'Lifecycle events',
      description:
        'Releases, ends of full support and ends of life of the distributions Downstream covers, each on its day.',
    },
    ...distros.map((d) => ({
      ids: [d.id],
      dir: paths.lifecycleFeeds(d.id),
      page: paths.distro(d.id),
      title: `${d.data.name} lifecycle events`,
      description: `Releases, ends of full support and ends of life of ${d.data.name}, each on its day.`,
    })),
  ];
  return scopes.flatMap((scope) =>
    FEED_FORMATS.map((format) => ({
      params: { lifecycleFeed: paths.feed(scope.dir, format).slice(1) },
      props: { scope, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const distros = (await getDistros()).filter((d) => scope.ids.includes(d.id));
  const events = pastEvents(distros, buildNow()).slice(0, SITE.feedSize);
  // The feeds live in their own directory; the page they mirror is the lifecycles page or the hub.
  const meta = {
    ...feedMeta(scope.title, scope.description, scope.dir, site!),
    homeUrl: absoluteUrl(scope.page, site!),
  };
  return new Response(renderFeed(format.id, meta, eventEntries(events, site!)), {
    headers: { 'Content-Type': feedContentType(format) },
  });
};
