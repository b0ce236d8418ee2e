/**
 * Loads Pagefind's JS API (pagefind.js, written by the build) once. We use the JS API rather than Pagefind's
 * Component UI because we need sorting (a known gap of the Component UI, Pagefind issue #1278), facet counts in our
 * own markup, and search state kept in the URL.
 */
import type { SearchMeta } from '../../lib/search/record.ts';
import { withBase } from '../../lib/urls.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: SearchMeta;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindSearch | null>;
  debouncedSearch: (q: string | null, o?: Record<string, unknown>, ms?: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (q: string, o?: Record<string, unknown>) => Promise<void>;
}

/** The deploy base path with its trailing slash, e.g. "/downstream/". */
export const BASE = withBase('/');

async function load(copy: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js${copy}`)) as PagefindApi;
  // Result URLs in the index are relative to the site root; prefix the deploy base path.
  await api.options({ baseUrl: BASE, excerptLength: 24, highlightParam: 'highlight' });
  await api.init();
  return api;
}

let loading: Promise<PagefindApi> | undefined;

/** The Pagefind instance that finds results. It never loads the whole filter index (see loadFacetIndex). */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= load('');
  loading.catch(() => (loading = undefined));
  return loading;
}

let facetLoading: Promise<PagefindApi> | undefined;

/**
 * A second Pagefind instance, in a web worker of its own, for facet values and counts. Once an instance has loaded
 * the filter index, every search() also counts every facet value over every result: on a 10,000-article archive that
 * made a search for a common word take 2.3 s instead of 0.3 s. pagefind.js keeps one worker per module, so the same
 * file imported under another URL gets its own worker and memory; the browser's cache serves its files again.
 */
export function loadFacetIndex(): Promise<PagefindApi> {
  facetLoading ??= load('?facets');
  facetLoading.catch(() => (facetLoading = undefined));
  return facetLoading;
}

/**
 * Turns a Pagefind excerpt into DOM nodes. Excerpts are HTML with <mark> around matches; everything except text and
 * <mark> is dropped, so markup that made it into indexed content can never become live HTML here.
 */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const out: Node[] = [];
  const walk = (node: Node, into: Node[] | HTMLElement) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const t = document.createTextNode(child.textContent ?? '');
        if (Array.isArray(into)) into.push(t);
        else into.append(t);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if ((child as Element).tagName === 'MARK') {
          const m = document.createElement('mark');
          m.textContent = child.textContent ?? '';
          if (Array.isArray(into)) into.push(m);
          else into.append(m);
        } else {
          walk(child, into);
        }
      }
    }
  };
  walk(doc.body, out);
  return out;
}

/** Creates an element with text content only (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** A release result's key date as words: "Full support ends 31 May 2029" (empty for other results). */
export function keyDateText(meta: SearchMeta): string {
  return meta.keyEvent && meta.keyDateLabel ? `${meta.keyEvent} ${meta.keyDateLabel}` : '';
}

/**
 * What the result list says about a result before its excerpt: the kind of a distribution or release result and a
 * release's key date, then an article's date and type, then the distributions. Text only, never HTML.
 */
export function resultMetaNodes(meta: SearchMeta): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  if (meta.kind) nodes.push(el('span', { class: 'result-kind' }, meta.kind));
  if (meta.keyEvent && meta.keyDate && meta.keyDateLabel) {
    nodes.push(
      el('span', { class: 'key-date' }, `${meta.keyEvent} `, el('time', { datetime: meta.keyDate }, meta.keyDateLabel)),
    );
  }
  if (meta.dateLabel && meta.date) nodes.push(el('time', { datetime: meta.date }, meta.dateLabel));
  if (meta.type) nodes.push(el('span', {}, meta.type));
  if (meta.distros) nodes.push(el('span', {}, meta.distros));
  return nodes;
}
