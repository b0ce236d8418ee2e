import type { APIRoute, GetStaticPaths } from 'astro';
import { scopesWithFeeds } from '../lib/scopes.ts';
import { feedEntries, feedMeta } from '../lib/feed-entries.ts';
import { feedRoutes, renderFeed } from '../lib/feeds.ts';
import { feedContentType } from '../lib/feed-formats.ts';
import { mdxComponents } from '../components/mdx/index.ts';
import { SITE } from '../site.config.ts';

/**
 * Every feed format for the whole site and for every section, distribution, topic, series and desk that has at
 * least one article: an empty feed is not built (nothing may link to one either, see scopes.ts).
 */
export const getStaticPaths = (async () =>
  feedRoutes(await scopesWithFeeds(), (scope) => scope.path, 'feed')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const siteUrl = site!;
  const meta = feedMeta(scope.title, scope.description, scope.path, siteUrl);
  const entries = await feedEntries(scope.articles.slice(0, SITE.feedSize), siteUrl, mdxComponents);
  return new Response(renderFeed(format.id, meta, entries), {
    headers: { 'Content-Type': feedContentType(format) },
  });
};
