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
import { SHORT_WORD_WAIT_MS, endsInShortWord, typingPause } from '../../lib/search/typing-pause.ts';
import { UI } from '../../lib/ui-strings.ts';
import {
  el,
  excerptNodes,
  loadFacetIndex,
  loadPagefind,
  resultMetaNodes,
  type PagefindApi,
  type PagefindResultData,
  type PagefindSearch,
} from './pagefind.ts';

const PAGE = 10;
/** Values shown per facet before "Show all": the most used ones, plus any that are selected. */
const TOP = 5;
const WIDE = '(min-width: 60rem)';

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
  const filterCounts = [...root.querySelectorAll<HTMLElement>('[data-search-filter-count]')];
  const panel = root.querySelector<HTMLElement>('[data-search-panel]')!;
  const hosts = {
    narrow: root.querySelector<HTMLElement>('[data-search-host="narrow"]')!,
    wide: root.querySelector<HTMLElement>('[data-search-host="wide"]')!,
  };
  const chips = root.querySelector<HTMLElement>('[data-search-chips]')!;
  const disclosure = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  /** Facets whose full list of values the reader asked to see. */
  const expanded = new Set<FacetKey>();

  // The sort and facets panel lives behind the disclosure above the results on phones, and in the sidebar after the
  // results on wide screens: in both, the first result is the first thing after the query box and the chips.
  const wide = window.matchMedia(WIDE);
  const place = () => {
    const host = wide.matches ? hosts.wide : hosts.narrow;
    if (panel.parentElement !== host) host.append(panel);
  };
  place();
  wide.addEventListener('change', place);

  // The form is usable at once; what the reader types while the index loads is picked up below.
  let state: SearchState = parseState(window.location.search);
  input.value = state.q;
  sortSelect.value = state.sort;
  root.setAttribute('aria-busy', 'true');
  facetsBox.setAttribute('aria-busy', 'true');
  status.textContent = UI.searchPage.loading;

  let api;
  try {
    api = await loadPagefind();
  } catch {
    status.textContent = UI.searchPage.failed;
    root.removeAttribute('aria-busy');
    return;
  }
  const pagefind = api;

  // Facet values and counts come from Pagefind's filter index (184 kB at 10,000 articles), loaded into a second
  // Pagefind instance (loadFacetIndex) so that counting never slows the results down. They are fetched after the
  // results are on screen, and only while the facets can be seen: in the sidebar on wide screens, or once the reader
  // opens the disclosure on narrow ones. Counts therefore follow the results and never hold them up.
  let allFilters: Record<string, Record<string, number>> | null = null;
  let facetIndex: PagefindApi | null = null;
  let filtersLoading: Promise<void> | null = null;
  const loadFilters = () => {
    filtersLoading ??= loadFacetIndex()
      .then(async (index) => {
        const all = await index.filters();
        facetIndex = index;
        allFilters = all;
      })
      .catch(() => {
        filtersLoading = null;
      });
    return filtersLoading;
  };
  const facetsVisible = () => wide.matches || disclosure.open;
  /** Counts of the facets on screen: for the search on screen, or totals (null). */
  let counts: PagefindSearch['filters'] | null = null;

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

  const labelOf = (key: FacetKey) => FACETS.find((f) => f.key === key)?.label ?? key;

  /** Active filters as removable chips (one Tab stop, arrow keys between them) and their count on the disclosure. */
  const renderChips = () => {
    const active = FACETS.flatMap(({ key }) => (state.filters[key] ?? []).map((value) => ({ key, value })));
    const focusedIndex = [...chips.children].indexOf(document.activeElement as Element);
    chips.replaceChildren(
      ...active.map(({ key, value }, i) => {
        const chip = el(
          'button',
          {
            type: 'button',
            class: 'chip-remove',
            'data-key': key,
            'data-value': value,
            'aria-label': UI.searchPage.removeFilter(labelOf(key), value),
            tabindex: i === 0 ? '0' : '-1',
          },
          `${labelOf(key)}: ${value}`,
          el('span', { 'aria-hidden': 'true', class: 'chip-x' }, '×'),
        );
        return chip;
      }),
    );
    chips.hidden = active.length === 0;
    for (const count of filterCounts) {
      count.hidden = active.length === 0;
      count.textContent = active.length ? UI.searchPage.activeFilters(active.length) : '';
    }
    if (focusedIndex >= 0) {
      const next = chips.children[Math.min(focusedIndex, chips.children.length - 1)] as HTMLElement | undefined;
      if (next) moveChipFocus(next);
      else input.focus();
    }
  };

  const moveChipFocus = (to: HTMLElement) => {
    for (const c of chips.children) c.setAttribute('tabindex', c === to ? '0' : '-1');
    to.focus();
  };

  const renderFacets = (shown: PagefindSearch['filters'] | null) => {
    if (!allFilters) return;
    counts = shown;
    const all = allFilters;
    facetsBox.removeAttribute('aria-busy');
    facetsBox.replaceChildren();
    for (const { key, label } of FACETS) {
      const values = Object.keys(all[key] ?? {});
      if (values.length === 0) continue;
      const countOf = (value: string) => (counts ? (counts[key]?.[value] ?? 0) : (all[key]?.[value] ?? 0));
      const selected = new Set(state.filters[key] ?? []);
      // Years newest first; everything else most used first, then by name.
      values.sort((a, b) => (key === 'year' ? b.localeCompare(a) : countOf(b) - countOf(a) || a.localeCompare(b)));
      const showAll = expanded.has(key) || values.length <= TOP + 1;
      const visible = showAll ? values : values.filter((v, i) => i < TOP || selected.has(v));
      const fieldset = el('fieldset', { class: 'facet' }, el('legend', {}, label));
      const ul = el('ul', { id: `facet-${key}-values` });
      visible.forEach((value) => {
        const count = countOf(value);
        const id = `facet-${key}-${values.indexOf(value)}`;
        const box = el('input', { type: 'checkbox', id, name: key, value });
        box.checked = selected.has(value);
        if (!box.checked && count === 0) box.disabled = true;
        const lab = el('label', { for: id }, value, el('span', { class: 'facet-count' }, ` (${count})`));
        ul.append(el('li', {}, box, lab));
      });
      fieldset.append(ul);
      if (values.length > TOP + 1) {
        const more = el(
          'button',
          {
            type: 'button',
            class: 'facet-more',
            'data-facet-more': key,
            'aria-expanded': String(showAll),
            'aria-controls': `facet-${key}-values`,
          },
          showAll ? UI.searchPage.showFewer : UI.searchPage.showAll(values.length),
          el('span', { class: 'visually-hidden' }, ` ${label.toLowerCase()} values`),
        );
        fieldset.append(more);
      }
      facetsBox.append(fieldset);
    }
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const link = el('a', { href: data.url }, data.meta.title ?? data.url);
    const meta = el('p', { class: 'meta' }, ...resultMetaNodes(data.meta));
    const excerpt = el('p', { class: 'excerpt' });
    excerpt.append(...excerptNodes(data.excerpt));
    return el('li', { class: 'search-result' }, el('h3', {}, link), meta, excerpt);
  };

  /**
   * Shows the first results of `search` and says so on the status line. Gives up (false) when the reader changed the
   * search while the results' fragments loaded: the run for the newer search is waiting, and a reader who typed on
   * would only see results for a query already gone from the box.
   */
  const renderResults = async (search: PagefindSearch, searched: SearchState, my: number): Promise<boolean> => {
    const slice = search.results.slice(0, shown);
    let datas = await Promise.all(slice.map((r) => r.data()));
    if (my !== token || state !== searched) return false;
    if (searched.sort === 'relevance') datas = exactTitleFirst(datas, searched.q);
    list.replaceChildren(...datas.map(renderResult));
    more.hidden = search.results.length <= shown;
    const n = search.results.length;
    status.textContent = resultStatus(searched, n);
    clear.hidden = !(n === 0 && hasFilters(searched));
    return true;
  };

  /**
   * Facets for what is on screen, once the filter index is in: counts for the current search, or totals. The
   * results instance never loads the whole filter index, so the counts come from the same search run again in the
   * facet instance, after the results are shown. While the facets cannot be seen nothing is loaded.
   */
  let countedState: SearchState | null = null;
  const facetsWhenLoaded = async (my: number) => {
    if (!facetsVisible() || (allFilters && countedState === currentState)) return;
    await loadFilters();
    if (my !== token || !allFilters || !facetIndex) return;
    const searched = currentState;
    if (!current) {
      renderFacets(null);
      countedState = searched;
      return;
    }
    const counted = await facetIndex.search(searched.q.trim() || null, {
      filters: pagefindFilters(searched),
      sort: pagefindSort(searched.sort),
    });
    if (my !== token || !counted) return;
    renderFacets(counted.filters);
    countedState = searched;
  };
  const showFacets = () => void facetsWhenLoaded(token);
  disclosure.addEventListener('toggle', showFacets);
  wide.addEventListener('change', showFacets);

  /** A short last word waits for a pause in the typing; any change of the search cuts the wait short. */
  const pause = typingPause();

  const runNow = async (history: 'push' | 'replace' | 'none') => {
    const my = ++token;
    commitUrl(history);
    const searched = state;
    if (isEmpty(searched)) {
      current = null;
      currentState = searched;
      renderFacets(null);
      renderChips();
      list.replaceChildren();
      more.hidden = true;
      clear.hidden = true;
      status.textContent = UI.searchPage.empty;
      root.removeAttribute('aria-busy');
      return;
    }
    const q = searched.q.trim();
    if (endsInShortWord(q) && !((await pause.wait(SHORT_WORD_WAIT_MS)) && state === searched)) return;
    const options = { filters: pagefindFilters(searched), sort: pagefindSort(searched.sort) };
    // Loading the index chunks is the part of a search that can be given up: if the reader typed on meanwhile, the
    // next run searches the newer query instead of spending Pagefind's time on one nobody will see.
    if (q) {
      await pagefind.preload(q, options);
      if (state !== searched) return;
    }
    const search = await pagefind.search(q || null, options);
    // Superseded while Pagefind searched: the next run shows the newer query, so load no result fragments for this one.
    if (my !== token || !search || state !== searched) return;
    // Results first; facet counts follow.
    if (!(await renderResults(search, searched, my))) return;
    current = search;
    currentState = searched;
    renderChips();
    facetsBox.setAttribute('aria-busy', 'true');
    root.removeAttribute('aria-busy');
    void facetsWhenLoaded(my);
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
    pause.interrupt();
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
  facetsBox.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('[data-facet-more]');
    if (!button) return;
    const key = button.dataset.facetMore as FacetKey;
    if (expanded.has(key)) expanded.delete(key);
    else expanded.add(key);
    renderFacets(counts);
    facetsBox.querySelector<HTMLButtonElement>(`[data-facet-more="${key}"]`)?.focus();
  });
  chips.addEventListener('click', (e) => {
    const chip = (e.target as Element).closest<HTMLButtonElement>('.chip-remove');
    if (!chip) return;
    const key = chip.dataset.key as FacetKey;
    const values = (state.filters[key] ?? []).filter((v) => v !== chip.dataset.value);
    state = { ...state, filters: { ...state.filters, [key]: values } };
    shown = PAGE;
    void run('push');
  });
  chips.addEventListener('keydown', (e) => {
    const all = [...chips.querySelectorAll<HTMLButtonElement>('.chip-remove')];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[
      e.key
    ];
    if (to === undefined) return;
    e.preventDefault();
    moveChipFocus(all[(to + all.length) % all.length]!);
  });
  // Arrow keys: from the query box into the results, then from result to result; up from the first goes back.
  const resultLinks = () => [...list.querySelectorAll<HTMLAnchorElement>('.search-result h3 a')];
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown') return;
    const first = resultLinks()[0];
    if (!first) return;
    e.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = resultLinks();
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)]!.focus();
    else if (i === 0) input.focus();
    else links[i - 1]!.focus();
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
    for (const host of root.querySelectorAll('[data-search-filters], .search-aside')) {
      host.addEventListener('pointerenter', browse, { once: true });
      host.addEventListener('focusin', browse, { once: true });
    }
    window.setTimeout(browse, 2500);
  }
}
