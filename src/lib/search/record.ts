/**
 * The search-record contract between the article page that writes Pagefind's data-pagefind-* attributes, the search
 * client that reads results and filters back, and the scoped search forms that link into /search/ with a facet
 * already chosen. Facet keys, labels, value formats, meta fields and the sort key are defined here only.
 * Importable from client code: no content queries, type imports only.
 */
import type { ArticleView } from '../article-view.ts';
import { formatDate, isoDay } from '../dates.ts';

/**
 * The kinds of search result: articles (indexed from their pages), and distribution hubs and their release rows
 * (custom records built from content/distros/ by the build's Pagefind step, src/lib/search/lifecycle-records.ts).
 */
export const RESULT_KINDS = { article: 'Article', distribution: 'Distribution', release: 'Release' } as const;
export type ResultKind = keyof typeof RESULT_KINDS;

/** Facets in the order the search page shows them. `key` is both the Pagefind filter and the URL parameter. */
export const FACETS = [
  { key: 'kind', label: 'Kind' },
  { key: 'distribution', label: 'Distribution' },
  { key: 'family', label: 'Family' },
  { key: 'type', label: 'Type' },
  { key: 'topic', label: 'Topic' },
  { key: 'author', label: 'Desk' },
  { key: 'year', label: 'Year' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];

/**
 * Meta fields of a result. `title` is written on the headline itself (data-pagefind-meta="title"). `kind` is the
 * label of the result's kind, given for distributions and releases (an article shows its type instead); `keyDate`,
 * `keyDateLabel` and `keyEvent` are a release's key date ("Full support ends", "31 May 2029", 2029-05-31).
 */
export const META_KEYS = [
  'title',
  'date',
  'dateLabel',
  'type',
  'distros',
  'kind',
  'keyEvent',
  'keyDate',
  'keyDateLabel',
] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type SearchMeta = Partial<Record<MetaKey, string>>;

/** The one sort key: the publication day as YYYY-MM-DD, so string order is date order. */
export const SORT_KEY = 'date';

/**
 * How one value of each facet is written. Values are the display names readers see (and what a scoped search form
 * puts in the URL), so a filter reads "Rocky Linux", not "rocky-linux".
 */
export const facetValue = {
  kind: (kind: ResultKind) => RESULT_KINDS[kind],
  distribution: (d: { name: string }) => d.name,
  family: (familyName: string) => familyName,
  type: (section: { label: string }) => section.label,
  topic: (t: { name: string }) => t.name,
  author: (desk: { name: string }) => desk.name,
  year: (published: Date) => String(published.getUTCFullYear()),
} as const satisfies Record<FacetKey, (value: never) => string>;

/** The values of each facet for one article. */
export const facetValues: { readonly [K in FacetKey]: (view: ArticleView) => string[] } = {
  kind: () => [facetValue.kind('article')],
  distribution: (v) => v.distros.map(facetValue.distribution),
  family: (v) => v.families.map(facetValue.family),
  type: (v) => [facetValue.type(v.section)],
  topic: (v) => v.topics.map(facetValue.topic),
  author: (v) => v.authors.map(facetValue.author),
  year: (v) => [facetValue.year(v.published)],
};

export interface SearchRecord {
  meta: Record<'date' | 'dateLabel' | 'type' | 'distros', string>;
  /** [facet key, value] pairs, one per value, in FACETS order. */
  filters: Array<[FacetKey, string]>;
  sort: Record<typeof SORT_KEY, string>;
}

/** What the article page writes for the search index. */
export function searchRecord(view: ArticleView): SearchRecord {
  return {
    meta: {
      date: isoDay(view.published),
      dateLabel: formatDate(view.published),
      type: facetValue.type(view.section),
      distros: view.distros.map((d) => d.name).join(', '),
    },
    filters: FACETS.flatMap(({ key }) => facetValues[key](view).map((value): [FacetKey, string] => [key, value])),
    sort: { [SORT_KEY]: isoDay(view.published) },
  };
}

/** The `key:value` syntax of Pagefind's data-pagefind-meta, -filter and -sort attributes. */
export const pagefindPair = (key: string, value: string): string => `${key}:${value}`;

/** Query parameters that open /search/ with one facet value chosen (for links and scoped forms). */
export function facetQuery(key: FacetKey, value: string): Record<string, string> {
  return { [key]: value };
}
