import { withBase } from './urls.ts';

/** A breadcrumb: `href` is a site path ("/distros/"); the base path is applied where it is rendered. */
export interface Crumb {
  label: string;
  href?: string;
}

/** schema.org BreadcrumbList for the same trail the page shows. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], site: URL | undefined) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.label,
      ...(c.href ? { item: new URL(withBase(c.href), site).href } : {}),
    })),
  };
}
