/** schema.org JSON-LD for article pages, from the article's read model. */
import type { ArticleView } from './article-view.ts';
import { breadcrumbJsonLd, type Crumb } from './breadcrumbs.ts';
import { absoluteUrl, paths } from './urls.ts';
import { SITE } from '../site.config.ts';

/** The byline of a desk in feeds and structured data: desks are part of the publication, not people. */
export const deskByline = (name: string): string => `${name}, ${SITE.name}`;

/** The trail shown above an article: home, its section, the headline. */
export function articleCrumbs(view: ArticleView): Crumb[] {
  return [
    { label: 'Home', href: paths.home() },
    { label: view.section.title, href: paths.section(view.type) },
    { label: view.title },
  ];
}

/** The NewsArticle (or TechArticle, for guides) of an article page, and its BreadcrumbList. */
export function articleJsonLd(view: ArticleView, crumbs: readonly Crumb[], site: URL | undefined) {
  const canonical = site ? absoluteUrl(view.path, site) : view.path;
  return [
    breadcrumbJsonLd(crumbs, site),
    {
      '@context': 'https://schema.org',
      '@type': view.section.schemaType,
      headline: view.title,
      description: view.description,
      datePublished: view.published.toISOString(),
      dateModified: view.modified.toISOString(),
      author: view.authors.map((a) => ({ '@type': 'Organization', name: deskByline(a.name) })),
      publisher: {
        '@type': 'Organization',
        name: SITE.name,
        url: site ? absoluteUrl(paths.home(), site) : paths.home(),
      },
      mainEntityOfPage: canonical,
      url: canonical,
      articleSection: view.section.label,
      keywords: [...view.distros.map((d) => d.name), ...view.topics.map((t) => t.name)].join(', '),
      citation: view.entry.data.sources.map((s) => s.url),
    },
  ];
}
