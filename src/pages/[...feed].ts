import type { APIRoute, GetStaticPaths } from 'astro';
import { scopesWithFeeds } from '../lib/scopes.ts';
import { feedEntries, feedMeta } from '../lib/feed-entries.ts';
import { feedRoutes, renderFeed } from '../lib/feeds.ts';
import { feedContentType } from '../lib/feed-formats.ts';
import { mdxComponents } from '../components/mdx/index.ts';
import { SITE } from '../site.config.ts';
import { buildNow } from '../lib/clock.ts';
import { pageKey, siteKey } from '../lib/page-keys.ts';

/**
 * Every feed format for the whole site and for every section, distribution, topic, series and desk that has at
 * least one article: an empty feed is not built (nothing may link to one either, see scopes.ts).
 */
export const getStaticPaths = (async () => {
  const [scopes, site] = await Promise.all([scopesWithFeeds(), siteKey()]);
  return feedRoutes(scopes, (scope) => scope.path, 'feed').map((route) => {
    const { scope, format } = route.props;
    // Exactly what GET renders: the scope's words, its newest entries (bodies with lifecycle components in MDX)
    // and the build clock (the feed's own date).
    const shown = [format, scope.title, scope.description, scope.path, scope.articles.slice(0, SITE.feedSize)];
    return { ...route, cacheKey: pageKey(site, ...shown, buildNow()) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const siteUrl = site!;
  const meta = feedMeta(scope.title, scope.description, scope.path, siteUrl);
  const entries = await feedEntries(scope.articles.slice(0, SITE.feedSize), siteUrl, mdxComponents);
  return new Response(renderFeed(format.id, meta, entries), {
    headers: { 'Content-Type': feedContentType(format) },
  });
};
