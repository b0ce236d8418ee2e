import {
  FACETS,
  exactTitleFirst,
  hasFilters,
  isEmpty,
  pagefindFilters,
  pagefindSort,
  parseState,
  resultStatus,
  serializeState,
  type FacetKey,
  type SearchState,
  type SortOrder,
} from '../../lib/search/state.ts';
import { latestOnly } from '../../lib/search/latest-only.ts';
import { el, excerptNodes, loadPagefind, type PagefindResultData, type PagefindSearch } from './pagefind.ts';

const PAGE = 10;

/** The /search/ page: query, facets with counts, sort, URL state and history. */
export async function mountSearchPage(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;

  // The form is usable at once; what the reader types while the index loads is picked up below.
  let state: SearchState = parseState(window.location.search);
  input.value = state.q;
  sortSelect.value = state.sort;
  root.setAttribute('aria-busy', 'true');
  facetsBox.setAttribute('aria-busy', 'true');
  status.textContent = 'Loading the search index…';

  let api;
  try {
    api = await loadPagefind();
  } catch {
    status.textContent = 'The search index could not be loaded. Browse the archive instead.';
    root.removeAttribute('aria-busy');
    return;
  }
  const pagefind = api;

  // Facet values and counts come from Pagefind's filter index, the largest download after the word index on a big
  // archive (165 kB of 550 kB for a first query at 10,000 articles). It is fetched after the first results are on
  // screen (or when the reader turns to the filters), so facets follow the results and never hold them up.
  let allFilters: Record<string, Record<string, number>> | null = null;
  let filtersLoading: Promise<void> | null = null;
  const loadFilters = () => {
    filtersLoading ??= pagefind.filters().then(
      (f) => {
        allFilters = f;
      },
      () => {
        filtersLoading = null;
      },
    );
    return filtersLoading;
  };

  let token = 0;
  let shown = PAGE;
  let current: PagefindSearch | null = null;
  /** The state `current` was searched with: what the status line describes. */
  let currentState: SearchState = state;
  let burstTimer: number | undefined;
  let inBurst = false;

  const syncForm = () => {
    input.value = state.q;
    sortSelect.value = state.sort;
  };

  const commitUrl = (mode: 'push' | 'replace' | 'none') => {
    if (mode === 'none') return;
    const qs = serializeState(state);
    const next = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
    if (next === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', next);
    else window.history.replaceState(null, '', next);
  };

  const renderFacets = (counts: PagefindSearch['filters'] | null) => {
    if (!allFilters) return;
    const all = allFilters;
    facetsBox.removeAttribute('aria-busy');
    facetsBox.replaceChildren();
    for (const { key, label } of FACETS) {
      const values = Object.keys(all[key] ?? {});
      if (values.length === 0) continue;
      values.sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      const selected = new Set(state.filters[key] ?? []);
      const fieldset = el('fieldset', { class: 'facet' }, el('legend', {}, label));
      const ul = el('ul', {});
      values.forEach((value, i) => {
        const count = counts ? (counts[key]?.[value] ?? 0) : (all[key]?.[value] ?? 0);
        const id = `facet-${key}-${i}`;
        const box = el('input', { type: 'checkbox', id, name: key, value });
        box.checked = selected.has(value);
        if (!box.checked && count === 0) box.disabled = true;
        const lab = el('label', { for: id }, value, el('span', { class: 'facet-count' }, ` (${count})`));
        ul.append(el('li', {}, box, lab));
      });
      fieldset.append(ul);
      facetsBox.append(fieldset);
    }
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const link = el('a', { href: data.url }, data.meta.title ?? data.url);
    const meta = el('p', { class: 'meta' });
    if (data.meta.dateLabel && data.meta.date)
      meta.append(el('time', { datetime: data.meta.date }, data.meta.dateLabel));
    if (data.meta.type) meta.append(el('span', {}, data.meta.type));
    if (data.meta.distros) meta.append(el('span', {}, data.meta.distros));
    const excerpt = el('p', { class: 'excerpt' });
    excerpt.append(...excerptNodes(data.excerpt));
    return el('li', { class: 'search-result' }, el('h3', {}, link), meta, excerpt);
  };

  const renderResults = async (search: PagefindSearch, searched: SearchState, my: number) => {
    const slice = search.results.slice(0, shown);
    let datas = await Promise.all(slice.map((r) => r.data()));
    if (my !== token) return;
    if (state.sort === 'relevance') datas = exactTitleFirst(datas, state.q);
    list.replaceChildren(...datas.map(renderResult));
    more.hidden = search.results.length <= shown;
    const n = search.results.length;
    status.textContent = resultStatus(searched, n);
    clear.hidden = !(n === 0 && hasFilters(searched));
  };

  /** Facets for what is on screen, once the filter index is in: counts for the current search, or totals. */
  const facetsWhenLoaded = async (my: number) => {
    await loadFilters();
    if (my !== token || !allFilters) return;
    if (!current) {
      renderFacets(null);
      return;
    }
    // The search on screen ran before the filter index was loaded, so it has no counts: ask again (its chunks are
    // cached by now, so this is quick), and touch only the facets.
    const again = await pagefind.search(currentState.q.trim() || null, {
      filters: pagefindFilters(currentState),
      sort: pagefindSort(currentState.sort),
    });
    if (my !== token || !again) return;
    current = again;
    renderFacets(again.filters);
  };

  const runNow = async (history: 'push' | 'replace' | 'none') => {
    const my = ++token;
    commitUrl(history);
    const searched = state;
    if (isEmpty(searched)) {
      current = null;
      currentState = searched;
      renderFacets(null);
      list.replaceChildren();
      more.hidden = true;
      clear.hidden = true;
      status.textContent = 'Type to search, or choose filters to browse the archive.';
      root.removeAttribute('aria-busy');
      return;
    }
    const withCounts = allFilters !== null;
    const search = await pagefind.search(searched.q.trim() || null, {
      filters: pagefindFilters(searched),
      sort: pagefindSort(searched.sort),
    });
    if (my !== token || !search) return;
    current = search;
    currentState = searched;
    // Results first; facet counts follow (with the filter index, fetched after the first results).
    await renderResults(search, searched, my);
    root.removeAttribute('aria-busy');
    if (withCounts) renderFacets(search.filters);
    else void facetsWhenLoaded(my);
  };

  // One search in flight at a time; what is typed meanwhile is searched next. A push requested while coalescing
  // is kept, so the back button still gets its entry.
  let wanted: 'push' | 'replace' | 'none' = 'none';
  const coalesced = latestOnly(async () => {
    const mode = wanted;
    wanted = 'none';
    await runNow(mode);
  });
  const run = (history: 'push' | 'replace' | 'none') => {
    if (history === 'push' || wanted === 'none') wanted = history;
    return coalesced(undefined);
  };

  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    shown = PAGE;
    // The first keystroke of a burst adds a history entry; the rest of the burst replaces it.
    const mode = inBurst ? 'replace' : 'push';
    inBurst = true;
    window.clearTimeout(burstTimer);
    burstTimer = window.setTimeout(() => (inBurst = false), 1000);
    void run(mode);
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value as SortOrder };
    void run('push');
  });
  facetsBox.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const key = box.name as FacetKey;
    const values = new Set(state.filters[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [key]: [...values] } };
    shown = PAGE;
    void run('push');
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { ...state, q: input.value };
    void run('push');
  });
  more.addEventListener('click', () => {
    shown += PAGE;
    if (current) void renderResults(current, currentState, token);
  });
  clear.addEventListener('click', () => {
    state = { ...state, filters: {} };
    void run('push');
    input.focus();
  });
  window.addEventListener('popstate', () => {
    state = parseState(window.location.search);
    syncForm();
    void run('none');
  });

  const typed = input.value !== state.q;
  state = { ...state, q: input.value, sort: sortSelect.value as SortOrder };
  await run(typed ? 'push' : 'none');
  if (!state.q && !hasFilters(state)) {
    input.focus();
    // Nothing searched yet: the facets are there to browse by, so fetch them when the reader turns to them or
    // after a moment without typing. A search started meanwhile fetches them after its results instead.
    const browse = () => {
      if (!current) void facetsWhenLoaded(token);
    };
    facetsBox.closest('section')?.addEventListener('pointerenter', browse, { once: true });
    facetsBox.closest('section')?.addEventListener('focusin', browse, { once: true });
    window.setTimeout(browse, 2500);
  }
}
