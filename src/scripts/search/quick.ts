import { exactTitleFirst } from '../../lib/search/state.ts';
import { latestOnly } from '../../lib/search/latest-only.ts';
import { SHORT_WORD_WAIT_MS, endsInShortWord, typingPause } from '../../lib/search/typing-pause.ts';
import { UI } from '../../lib/ui-strings.ts';
import { BASE, el, excerptNodes, keyDateText, loadPagefind, type PagefindResultData } from './pagefind.ts';

const MAX = 6;

/**
 * The header search as an ARIA 1.2 combobox: results as you type in a listbox, arrow keys move the active option,
 * Enter opens it, Escape closes. Without JavaScript the same form submits to /search/.
 */
export async function mountQuickSearch(input: HTMLInputElement): Promise<void> {
  const form = input.form!;
  const panel = form.querySelector<HTMLElement>('[data-quick-panel]')!;
  const listbox = form.querySelector<HTMLElement>('[data-quick-listbox]')!;
  const status = form.querySelector<HTMLElement>('[data-quick-status]')!;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  let token = 0;
  // Escape dismisses the results until the reader types again: a search still in flight must not reopen them.
  let dismissed = false;
  let options: { el: HTMLElement; href: string }[] = [];
  let active = -1;

  const open = (yes: boolean) => {
    panel.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
  };
  const setActive = (i: number) => {
    options.forEach((o, j) => o.el.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0 && options[i]) {
      input.setAttribute('aria-activedescendant', options[i].el.id);
      options[i].el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const allHref = (q: string) => `${BASE}search/?${new URLSearchParams({ q }).toString()}`;

  const option = (id: string, href: string, ...children: Node[]) => {
    const li = el('div', { id, role: 'option', 'aria-selected': 'false', class: 'quick-option' }, ...children);
    li.addEventListener('mousedown', (e) => e.preventDefault());
    li.addEventListener('click', () => window.location.assign(href));
    return { el: li, href };
  };

  const render = (q: string, datas: PagefindResultData[], total: number) => {
    options = datas.map((d, i) => {
      const excerpt = el('span', { class: 'quick-excerpt' });
      excerpt.append(...excerptNodes(d.excerpt));
      const meta = [d.meta.kind, keyDateText(d.meta), d.meta.type, d.meta.dateLabel, d.meta.distros]
        .filter(Boolean)
        .join(' · ');
      return option(
        `quick-opt-${i}`,
        d.url,
        el('span', { class: 'quick-title' }, d.meta.title ?? d.url),
        el('span', { class: 'quick-meta' }, meta),
        excerpt,
      );
    });
    options.push(
      option('quick-opt-all', allHref(q), el('span', { class: 'quick-all' }, UI.headerSearch.seeAll(total, q))),
    );
    listbox.replaceChildren(...options.map((o) => o.el));
    status.textContent = UI.headerSearch.resultsFor(total, q);
    if (!dismissed) open(true);
  };

  // As on the search page: a last word of one or two characters waits for a pause in the typing, index chunks load
  // first, and a query the reader has typed past is given up before Pagefind searches it.
  const pause = typingPause();
  const typedPast = (q: string) => input.value.trim() !== q;
  const run = latestOnly(async () => {
    const my = ++token;
    const q = input.value.trim();
    if (!q) {
      listbox.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    if (endsInShortWord(q) && !((await pause.wait(SHORT_WORD_WAIT_MS)) && !typedPast(q))) return;
    const api = await loadPagefind();
    await api.preload(q);
    if (typedPast(q)) return;
    const search = await api.search(q);
    if (my !== token || !search || typedPast(q)) return;
    const datas = exactTitleFirst(await Promise.all(search.results.slice(0, MAX).map((r) => r.data())), q);
    if (my !== token) return;
    render(q, datas, search.results.length);
  });

  input.addEventListener('input', () => {
    dismissed = false;
    pause.interrupt();
    void run(undefined);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (panel.hidden) {
        if (!options.length) return;
        dismissed = false;
        open(true);
      }
      e.preventDefault();
      const n = options.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && active >= 0 && !panel.hidden) {
      e.preventDefault();
      window.location.assign(options[active]!.href);
    } else if (e.key === 'Escape') {
      if (!panel.hidden || !dismissed) {
        if (!panel.hidden) e.preventDefault();
        dismissed = true;
        open(false);
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => window.setTimeout(() => open(false), 150));
  input.addEventListener('focus', () => {
    if (options.length && input.value.trim() && !dismissed) open(true);
  });
  void loadPagefind();
  if (input.value.trim()) void run(undefined);
}
