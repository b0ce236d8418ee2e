import type { APIRoute } from 'astro';
import { getArticles } from '../../lib/content.ts';
import { articleViews } from '../../lib/article-view.ts';
import { socialCard, type SocialCardsFile } from '../../lib/social-card.ts';

/**
 * The data the social images are drawn from, one record per published article. Build input only: the
 * social-image integration reads it after the pages are written and removes it from dist/.
 */
export const GET: APIRoute = async () => {
  const views = await articleViews(await getArticles());
  const doc: SocialCardsFile = { version: 1, cards: views.map(socialCard) };
  return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
