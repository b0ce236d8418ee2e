/**
 * Search state as it lives in the URL of /search/: `q`, `sort` and one repeated parameter per facet
 * (`?q=abi&distribution=AlmaLinux&type=Analysis&sort=newest`). Pure functions, shared by the page and tests.
 */
import { FACETS, SORT_KEY, type FacetKey } from './record.ts';
import { UI } from '../ui-strings.ts';

export { FACETS, type FacetKey };
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  sort: SortOrder;
  filters: Partial<Record<FacetKey, string[]>>;
}

const FACET_KEYS = new Set<string>(FACETS.map((f) => f.key));
const MAX_QUERY = 200;

export function emptyState(): SearchState {
  return { q: '', sort: 'relevance', filters: {} };
}

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').slice(0, MAX_QUERY);
  const sort = params.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) state.sort = sort as SortOrder;
  for (const [key, value] of params) {
    if (!FACET_KEYS.has(key) || !value) continue;
    const list = (state.filters[key as FacetKey] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return state;
}

/** The query string for a state, in a stable order so equal states give equal URLs. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const { key } of FACETS) {
    for (const v of [...(state.filters[key] ?? [])].sort()) params.append(key, v);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v && v.length > 0);
}

export function isEmpty(state: SearchState): boolean {
  return !state.q.trim() && !hasFilters(state);
}

/** Pagefind's filter object: any value within a facet, all facets together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) {
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

export function pagefindSort(sort: SortOrder): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { [SORT_KEY]: 'desc' };
  if (sort === 'oldest') return { [SORT_KEY]: 'asc' };
  return undefined;
}

/** Moves results whose title equals the query (ignoring case and spacing) to the front, keeping order otherwise. */
export function exactTitleFirst<T extends { meta: { title?: string } }>(results: T[], query: string): T[] {
  // Headlines have typographic quotes (src/lib/typography.ts); what readers type has straight ones.
  const norm = (s: string) => s.toLowerCase().replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
  const q = norm(query);
  if (!q) return results;
  const exact = results.filter((r) => norm(r.meta.title ?? '') === q);
  return exact.length ? [...exact, ...results.filter((r) => !exact.includes(r))] : results;
}

/**
 * The status line under the search box for `n` results of a search. It takes the state that was searched, not the
 * one in the form: while a search runs the reader keeps typing, and the count of "ker" must not appear under
 * "kernel".
 */
export function resultStatus(searched: SearchState, n: number): string {
  const t = UI.searchPage;
  const parts: string[] = [];
  if (searched.q.trim()) parts.push(t.for(searched.q.trim()));
  const active = Object.values(searched.filters).flatMap((v) => v ?? []);
  if (active.length) parts.push(t.filteredBy(active));
  // Pagefind leaves records without the sort key out of a sorted search: distributions and releases have no date.
  const note = searched.sort === 'relevance' ? '' : t.sortedArticlesOnly;
  const line = t.results(n, parts.join(' ')) + note;
  if (n > 0) return line;
  return `${line}. ${hasFilters(searched) ? t.tryFewerFilters : t.tryOtherWords}`;
}
