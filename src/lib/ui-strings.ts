/**
 * The words of the site's shared chrome, in one place: header, navigation, footer, search, table of contents,
 * pagination, breadcrumbs, the 404 page, the theme toggle, feed labels and lifecycle status labels. A translation
 * starts here (a copy of UI with the same keys) and in src/lib/locale.ts (the locale dates and numbers are
 * formatted with through Intl). Articles, distribution data and section names (src/lib/sections.ts) are content.
 *
 * No dependencies but locale.ts, so the browser scripts (src/scripts/search/) import it too.
 */
import { LOCALE } from './locale.ts';

export { LOCALE };

const plural = new Intl.PluralRules(LOCALE);
/** "1 result", "2 results": the form Intl.PluralRules picks for the site's locale. */
const count = (n: number, forms: { one: string; other: string }) =>
  `${n} ${plural.select(n) === 'one' ? forms.one : forms.other}`;
const RESULTS = { one: 'result', other: 'results' };

export const UI = {
  nav: {
    /** aria-label of the section navigation (row and menu). */
    label: 'Sections',
    menu: 'Menu',
    distributions: 'Distributions',
    archive: 'Archive',
  },
  headerSearch: {
    /** aria-label of the search landmark in the header. */
    label: 'Site search',
    /** The visually hidden label and the placeholder of the header's search box. */
    field: 'Search coverage',
    submit: 'Search',
    /** aria-label of the listbox of results as you type. */
    results: 'Search results',
    resultsFor: (n: number, q: string) => (n === 0 ? `No results for “${q}”` : `${count(n, RESULTS)} for “${q}”`),
    seeAll: (n: number, q: string) => `See all ${count(n, RESULTS)} for “${q}”`,
  },
  searchPage: {
    loading: 'Loading the search index…',
    failed: 'The search index could not be loaded. Browse the archive instead.',
    empty: 'Type to search, or choose filters to browse the archive.',
    /** "3 results for “x” filtered by Debian, Ubuntu" (the query and filters parts are given already joined). */
    results: (n: number, parts: string) => `${count(n, RESULTS)} ${parts}`.trim(),
    for: (q: string) => `for “${q}”`,
    filteredBy: (values: readonly string[]) => `filtered by ${values.join(', ')}`,
    /** Added to the count when results are sorted by date. */
    sortedArticlesOnly: ' (articles only: distributions and releases have no date to sort by)',
    tryFewerFilters: 'Try removing filters.',
    tryOtherWords: 'Try other words.',
    removeFilter: (facet: string, value: string) => `Remove filter ${facet}: ${value}`,
    activeFilters: (n: number) => `${n} active`,
    showFewer: 'Show fewer',
    showAll: (n: number) => `Show all ${n}`,
  },
  footer: {
    browse: 'Browse',
    follow: 'Follow',
    distributions: 'Distributions',
    lifecycles: 'Release lifecycles',
    topics: 'Topics',
    series: 'Series',
    desks: 'Desks',
    archive: 'Archive by date',
    search: 'Search',
    allFeeds: 'All feeds',
  },
  theme: {
    /** The toggle's text; aria-pressed says whether the dark theme is on. */
    dark: 'Dark theme',
  },
  toc: {
    title: 'On this page',
  },
  pagination: {
    /** aria-label of the page navigation. */
    label: 'Pages',
    newer: 'Newer',
    older: 'Older',
    /** Read after "Newer"/"Older" by screen readers only. */
    articlesHidden: ' articles',
    /** Read before the page number by screen readers only. */
    pageHidden: 'Page ',
  },
  breadcrumbs: {
    label: 'Breadcrumb',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for does not exist on Downstream.',
    text: 'There is nothing at this address. It may have moved, or the link may be mistyped.',
    searchLabel: 'Search the coverage',
    searchField: 'Search the coverage instead',
    submit: 'Search',
    home: 'Front page',
    distributions: 'All distributions',
    archive: 'Archive by date',
  },
  feeds: {
    /** Short labels of the feed formats (links, buttons) and their long names (link titles, alternate links). */
    rss: { label: 'RSS', name: 'RSS feed' },
    atom: { label: 'Atom', name: 'Atom feed' },
    json: { label: 'JSON Feed', name: 'JSON Feed' },
  },
  copy: {
    /** The copy buttons on code blocks (articles) and on feed addresses (/feeds/), and what they announce. */
    code: 'Copy code',
    url: 'Copy',
    urlOf: (label: string) => ` URL of ${label}`,
    copied: 'Copied',
    copiedUrlOf: (label: string) => `Copied the URL of ${label}`,
    codeFailed: 'Could not copy: select the code and copy it',
    urlFailed: (label: string) =>
      `Could not copy. The URL of ${label} is selected: press Control+C or Command+C to copy it.`,
  },
  lifecycle: {
    status: {
      upcoming: 'Upcoming',
      supported: 'Supported',
      security: 'Security fixes only',
      eol: 'End of life',
    },
    event: {
      release: 'Released',
      'support-end': 'Full support ends',
      eol: 'End of life',
    },
  },
} as const;
