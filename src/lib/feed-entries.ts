/**
 * Turns articles into feed entries: full HTML rendered once per article (through Astro's container API, so MDX
 * components render exactly as on the page), with every URL made absolute.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx/index.ts';
import { absolutizeHtml } from './absolute-html.ts';
import { entryGuid, type FeedEntry, type FeedMeta } from './feeds.ts';
import { getIndex, type Article } from './content.ts';
import { buildNow } from './clock.ts';
import { absoluteUrl, paths } from './urls.ts';

let container: Promise<AstroContainer> | undefined;
const html = new Map<string, Promise<string>>();

function articleHtml(article: Article, pageUrl: string): Promise<string> {
  let cached = html.get(article.id);
  if (!cached) {
    cached = (async () => {
      container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
      const { Content } = await render(article);
      const raw = await (await container).renderToString(Content, { props: { components: mdxComponents } });
      return absolutizeHtml(raw, pageUrl);
    })();
    html.set(article.id, cached);
  }
  return cached;
}

export async function feedEntries(articles: readonly Article[], site: URL): Promise<FeedEntry[]> {
  const index = await getIndex();
  return Promise.all(
    articles.map(async (a) => {
      const url = absoluteUrl(paths.article(a.id), site);
      const lastUpdate = a.data.updatedDate ?? a.data.updates.at(-1)?.date ?? a.data.pubDate;
      return {
        id: entryGuid(site.href, a.id, a.data.pubDate),
        url,
        title: a.data.title,
        summary: a.data.description,
        html: await articleHtml(a, url),
        published: a.data.pubDate,
        updated: lastUpdate,
        authors: a.data.authors.map((id) => `${index.authors.get(id)?.data.name ?? id}, Downstream`),
        tags: [
          ...a.data.distros.map((id) => index.distros.get(id)?.data.name ?? id),
          ...a.data.topics.map((id) => index.topics.get(id)?.data.name ?? id),
        ],
        image: absoluteUrl(`/og/articles/${a.id}.png`, site),
      } satisfies FeedEntry;
    }),
  );
}

/** Metadata for a feed whose HTML page lives at `pagePath` and whose files live under `feedDir`. */
export function feedMeta(title: string, description: string, pagePath: string, feedDir: string, site: URL): FeedMeta {
  return {
    title,
    description,
    homeUrl: absoluteUrl(pagePath, site),
    urls: {
      rss: absoluteUrl(`${feedDir}feed.xml`, site),
      atom: absoluteUrl(`${feedDir}atom.xml`, site),
      json: absoluteUrl(`${feedDir}feed.json`, site),
    },
    now: buildNow(),
    siteUrl: absoluteUrl('/', site),
  };
}
