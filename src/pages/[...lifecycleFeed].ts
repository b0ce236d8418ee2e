import type { APIRoute, GetStaticPaths } from 'astro';
import { getDistros } from '../lib/content.ts';
import { buildNow } from '../lib/clock.ts';
import { feedMeta } from '../lib/feed-entries.ts';
import { FEED_FILES, FEED_FORMATS } from '../lib/feeds.ts';
import { eventEntries, pastEvents } from '../lib/lifecycle-feeds.ts';
import { paths } from '../lib/urls.ts';
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
    FEED_FILES.map((file) => ({ params: { lifecycleFeed: `${scope.dir.slice(1)}${file}` }, props: { scope, file } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, file } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const distros = (await getDistros()).filter((d) => scope.ids.includes(d.id));
  const events = pastEvents(distros, buildNow()).slice(0, SITE.feedSize);
  const meta = feedMeta(scope.title, scope.description, scope.page, scope.dir, site!);
  const format = FEED_FORMATS[file];
  return new Response(format.render(meta, eventEntries(events, site!)), { headers: { 'Content-Type': format.type } });
};
