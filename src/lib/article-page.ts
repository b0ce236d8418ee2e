/** Everything an article page shows besides its body, asked for by the route and laid out by ArticleLayout. */
import { articleView, type ArticleView } from './article-view.ts';
import { articlesInSeries, getArticlesBySeries, type Article } from './content.ts';
import { relatedArticles } from './related-articles.ts';
import { seriesNeighbours, type SeriesNeighbours } from './related.ts';

export interface ArticlePage {
  view: ArticleView;
  /** Related coverage, best first. */
  related: Article[];
  /** The article's series in reading order, and its place in it. */
  series?: { items: Article[]; nav: SeriesNeighbours<Article> };
}

export async function articlePage(article: Article): Promise<ArticlePage> {
  const view = await articleView(article);
  const related = await relatedArticles(article);
  if (!view.series) return { view, related };
  const items = articlesInSeries(await getArticlesBySeries(), view.series.id);
  return { view, related, series: { items, nav: seriesNeighbours(items, article.id) } };
}

/**
 * Whether the page shows anything computed against the build clock: the release facts box (support status), or an
 * MDX body, whose lifecycle components (ReleaseStatus, EndsIn) read the clock. Only a Markdown (`.md`) body is known
 * to hold no components.
 */
export function showsBuildClock(page: ArticlePage): boolean {
  return page.view.release !== undefined || !(page.view.entry.filePath ?? '').endsWith('.md');
}
