/**
 * The one rule that decides whether an article is visible. Every page, feed, sitemap entry and search record uses
 * it; nothing else filters articles.
 */
export interface VisibilityInput {
  draft: boolean;
  pubDate: Date;
}

export interface VisibilityOptions {
  /** The build clock. Articles dated after it are scheduled and stay hidden until a later build. */
  now: Date;
  /** Drafts are shown in `astro dev` so editors can preview them, never in a production build. */
  includeDrafts: boolean;
}

export function isPublished(article: VisibilityInput, { now, includeDrafts }: VisibilityOptions): boolean {
  if (article.draft && !includeDrafts) return false;
  return article.pubDate.getTime() <= now.getTime();
}

export function isScheduled(article: VisibilityInput, now: Date): boolean {
  return !article.draft && article.pubDate.getTime() > now.getTime();
}
