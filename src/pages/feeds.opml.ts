import type { APIRoute } from 'astro';
import { buildNow } from '../lib/clock.ts';
import { feedDirectory } from '../lib/feed-directory.ts';
import { OPML } from '../lib/feed-formats.ts';
import { renderOpml } from '../lib/opml.ts';
import { lifecycleScopes, scopesWithFeeds } from '../lib/scopes.ts';
import { SITE } from '../site.config.ts';

/** /feeds.opml: every feed on the feeds page, once each (in RSS, see OPML in feed-formats.ts). */
export const GET: APIRoute = async ({ site }) => {
  const groups = feedDirectory(await scopesWithFeeds(), await lifecycleScopes());
  const body = renderOpml({ title: `${SITE.name}: every feed`, created: buildNow() }, groups, site!);
  return new Response(body, { headers: { 'Content-Type': `${OPML.mime}; charset=utf-8` } });
};
