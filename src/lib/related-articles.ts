import { getArticles, type Article } from './content.ts';
import { relatedIndex, type Relatable } from './related.ts';

let finder: Promise<(a: Article, limit: number) => Article[]> | undefined;

/** Related coverage for an article page; the index over all articles is built once per build. */
export async function relatedArticles(article: Article, limit = 4): Promise<Article[]> {
  finder ??= getArticles().then((articles) => {
    const items = new Map<string, Relatable & { article: Article }>(
      articles.map((a) => [
        a.id,
        {
          id: a.id,
          pubDate: a.data.pubDate,
          distros: a.data.distros,
          topics: a.data.topics,
          series: a.data.series,
          article: a,
        },
      ]),
    );
    const related = relatedIndex([...items.values()]);
    return (a, n) => {
      const item = items.get(a.id);
      return item ? related(item, n).map((r) => r.article) : [];
    };
  });
  return (await finder)(article, limit);
}
