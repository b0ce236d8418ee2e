import type { APIRoute, GetStaticPaths } from 'astro';
import { feedScopes } from '../lib/scopes.ts';
import { feedEntries, feedMeta } from '../lib/feed-entries.ts';
import { FEED_FILES, FEED_FORMATS } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

/** RSS, Atom and JSON Feed for the whole site and for every distribution, topic and section. */
export const getStaticPaths = (async () => {
  const scopes = await feedScopes();
  return scopes.flatMap((scope) =>
    FEED_FILES.map((file) => ({
      params: { feed: `${scope.path.slice(1)}${file}` },
      props: { scope, file },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { scope, file } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const siteUrl = site!;
  const meta = feedMeta(scope.title, scope.description, scope.path, scope.path, siteUrl);
  const entries = await feedEntries(scope.articles.slice(0, SITE.feedSize), siteUrl);
  const format = FEED_FORMATS[file];
  return new Response(format.render(meta, entries), { headers: { 'Content-Type': format.type } });
};
