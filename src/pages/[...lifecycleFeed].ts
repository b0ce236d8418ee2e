import type { APIRoute, GetStaticPaths } from 'astro';
import { feedMeta } from '../lib/feed-entries.ts';
import { feedRoutes, renderFeed } from '../lib/feeds.ts';
import { feedContentType } from '../lib/feed-formats.ts';
import { eventEntries } from '../lib/lifecycle-feeds.ts';
import { lifecycleScopes } from '../lib/scopes.ts';
import { absoluteUrl } from '../lib/urls.ts';

/**
 * Lifecycle-event feeds: /lifecycles/feed.xml (…atom.xml, feed.json) for all, /distros/<id>/lifecycle/… for each
 * distribution with at least one event on or before the build date (lifecycleScopes leaves the others out).
 */
export const getStaticPaths = (async () =>
  feedRoutes(await lifecycleScopes(), (scope) => scope.dir, 'lifecycleFeed')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  // The feeds live in their own directory; the page they mirror is the lifecycles page or the hub.
  const meta = {
    ...feedMeta(scope.title, scope.description, scope.dir, site!),
    homeUrl: absoluteUrl(scope.page, site!),
  };
  return new Response(renderFeed(format.id, meta, eventEntries(scope.events, site!)), {
    headers: { 'Content-Type': feedContentType(format) },
  });
};
