/**
 * Turns articles into feed entries: full HTML rendered once per article (through Astro's container API, so MDX
 * components render exactly as on the page), with every URL made absolute. The MDX components are passed in by the
 * feed route, so this module stays below src/components.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { render } from 'astro:content';
import { absolutizeHtml } from './absolute-html.ts';
import { entryGuid, type FeedEntry, type FeedMeta } from './feeds.ts';
import { FEED_FORMATS } from './feed-formats.ts';
import { articleView } from './article-view.ts';
import { deskByline } from './structured-data.ts';
import type { Article } from './content.ts';
import { buildNow } from './clock.ts';
import { absoluteUrl, paths } from './urls.ts';

/** The components MDX articles may use, by the name they use them under. */
export type MdxComponents = Record<string, unknown>;

let container: Promise<AstroContainer> | undefined;
const html = new Map<string, Promise<string>>();

function articleHtml(article: Article, pageUrl: string, components: MdxComponents): Promise<string> {
  let cached = html.get(article.id);
  if (!cached) {
    cached = (async () => {
      container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
      const { Content } = await render(article);
      const raw = await (await container).renderToString(Content, { props: { components } });
      // A Markdown article's HTML was written by our unified pipeline (hast-util-to-html): absolutizeHtml can
      // rewrite it in place. MDX output comes from Astro's renderer and goes through rehype.
      const serialized = (article.filePath ?? '').endsWith('.md');
      return absolutizeHtml(raw, pageUrl, { serialized });
    })();
    html.set(article.id, cached);
  }
  return cached;
}

export async function feedEntries(
  articles: readonly Article[],
  site: URL,
  components: MdxComponents,
): Promise<FeedEntry[]> {
  return Promise.all(
    articles.map(async (a) => {
      const view = await articleView(a);
      const url = absoluteUrl(view.path, site);
      return {
        id: entryGuid(site.href, view.id, view.published),
        url,
        title: view.title,
        summary: view.description,
        html: await articleHtml(a, url, components),
        published: view.published,
        updated: view.modified,
        authors: view.authors.map((d) => deskByline(d.name)),
        tags: [...view.distros.map((d) => d.name), ...view.topics.map((t) => t.name)],
        image: absoluteUrl(view.socialImage, site),
      } satisfies FeedEntry;
    }),
  );
}

/** Metadata for the feeds of the listing whose HTML page lives at `listing`; the feed files live beside it. */
export function feedMeta(title: string, description: string, listing: string, site: URL): FeedMeta {
  return {
    title,
    description,
    homeUrl: absoluteUrl(listing, site),
    urls: Object.fromEntries(
      FEED_FORMATS.map((f) => [f.id, absoluteUrl(paths.feed(listing, f), site)]),
    ) as FeedMeta['urls'],
    now: buildNow(),
    siteUrl: absoluteUrl(paths.home(), site),
    iconUrl: absoluteUrl(paths.socialImage(), site),
  };
}
