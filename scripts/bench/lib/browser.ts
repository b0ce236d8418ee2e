/**
 * Browser measurements with Playwright and Debian's Chromium: page weights and search cost/latency.
 * Everything runs against a loopback static server; nothing leaves the machine.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright';
import { aggregate, compressedSizes, type Bucket, type Category, type ResponseRecord } from './weights.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-extensions',
    ],
  });
}

/** Records every response of a page (body sizes measured from the bodies themselves). */
export class Recorder {
  records: ResponseRecord[] = [];
  failed: string[] = [];
  private pending: Promise<void>[] = [];
  private page: Page;
  private onFinished: (req: Request) => void;
  private onFailed: (req: Request) => void;

  constructor(page: Page) {
    this.page = page;
    this.onFinished = (req) => {
      this.pending.push(this.record(req));
    };
    this.onFailed = (req) => {
      this.failed.push(req.url());
    };
    page.on('requestfinished', this.onFinished);
    page.on('requestfailed', this.onFailed);
  }

  private async record(req: Request): Promise<void> {
    try {
      const res = await req.response();
      if (!res) return;
      const contentType = (res.headers()['content-type'] ?? '').toLowerCase();
      let body: Buffer;
      try {
        body = await res.body();
      } catch {
        body = Buffer.alloc(0);
      }
      let headerBytes = 0;
      let cached = false;
      try {
        const sizes = await req.sizes();
        headerBytes = sizes.responseHeadersSize;
        // Playwright derives the body size from the bytes received minus the headers: below zero when the response
        // came from the browser's cache and nothing was received.
        cached = sizes.responseBodySize < 0;
      } catch {
        /* not available for every request */
      }
      const { gzip, brotli } = compressedSizes(body, contentType);
      this.records.push({
        url: req.url(),
        status: res.status(),
        resourceType: req.resourceType(),
        contentType,
        bytes: body.length,
        headerBytes,
        gzip,
        brotli,
        ...(cached ? { cached } : {}),
      });
    } catch {
      /* page closed */
    }
  }

  /** Waits for in-flight body reads, then returns and clears what was recorded so far. */
  async take(): Promise<ResponseRecord[]> {
    while (this.pending.length > 0) {
      const p = this.pending.splice(0);
      await Promise.all(p);
    }
    const out = this.records;
    this.records = [];
    return out;
  }

  stop(): void {
    this.page.off('requestfinished', this.onFinished);
    this.page.off('requestfailed', this.onFailed);
  }
}

export interface PageCost {
  name: string;
  path: string;
  status: number | null;
  skipped?: string;
  requests: number;
  failedRequests: number;
  byCategory?: Record<Category, Bucket>;
  total?: Bucket;
  headerBytes?: number;
  /** Largest responses, for the bottleneck analysis. */
  largest?: { url: string; bytes: number; brotli: number }[];
}

export async function measurePage(browser: Browser, origin: string, name: string, path: string): Promise<PageCost> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const rec = new Recorder(page);
  try {
    const res = await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
    const status = res?.status() ?? null;
    if (status !== 200) {
      return { name, path, status, skipped: `HTTP ${status}`, requests: 0, failedRequests: 0 };
    }
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    const records = await rec.take();
    const agg = aggregate(records);
    const largest = [...records]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map((r) => ({ url: new URL(r.url).pathname, bytes: r.bytes, brotli: r.brotli }));
    return { name, path, status, requests: records.length, failedRequests: rec.failed.length, ...agg, largest };
  } finally {
    rec.stop();
    await ctx.close();
  }
}

export interface QueryMeasure {
  query: string;
  /** ms from the last keystroke to the final results (or "0 results") being in the DOM. */
  latencyMs: number | null;
  /** ms from the last keystroke to the first change of results/status (possibly a superseded query's results). */
  firstChangeMs: number | null;
  /** DOM updates of results/status after the last keystroke. */
  changes: number | null;
  results: number | null;
  requests: number;
  total: Bucket;
  pagefind: Bucket;
  /** Pagefind's own files split by kind (pagefind.js, wasm, pf_meta, index chunks, fragments, filters). */
  pagefindParts: Record<string, Bucket>;
}

/** Pagefind's JS API called directly in the page (no UI): where the time of a query goes. */
export interface LibraryProbe {
  query: string;
  /** search() for a query whose index chunks are already loaded (pure WASM work and scoring). */
  searchMs: number;
  /** data() of the first 10 results (fragments; cached when the page showed them). */
  dataMs: number;
  /** search() for a never-searched query: loading its index chunks plus the work. */
  freshQuery: string;
  freshSearchMs: number;
  freshResults: number;
  results: number;
}

export interface SearchRun {
  site: string;
  cold: QueryMeasure & { indexReadyMs: number | null; pageLoad: Bucket; queryOnly: Bucket };
  warm: QueryMeasure;
  /** Third query in the same page, entered as one input event (paste): latency without the keystroke backlog. */
  pasted?: {
    query: string;
    latencyMs: number | null;
    firstChangeMs: number | null;
    changes: number | null;
    results: number | null;
    requests: number;
    total: Bucket;
  };
  library?: LibraryProbe;
}

function pagefindPart(url: string): string | undefined {
  const p = new URL(url).pathname;
  if (!p.includes('/pagefind/')) return undefined;
  // The search page's second copy of pagefind.js (src/scripts/search/pagefind.ts, loadFacetIndex), loaded for the
  // facet counts after the results are shown.
  if (new URL(url).search === '?facets') return 'facet instance';
  if (/pagefind-worker\.js$/.test(p)) return 'worker.js';
  if (/pagefind\.js$/.test(p)) return 'pagefind.js';
  if (/pagefind-entry\.json$/.test(p)) return 'entry.json';
  if (/\.pagefind$|wasm/.test(p)) return 'wasm';
  if (/\.pf_meta$/.test(p)) return 'meta';
  if (/\.pf_index$/.test(p)) return 'index chunks';
  if (/\.pf_fragment$/.test(p)) return 'fragments';
  if (/\.pf_filter$/.test(p)) return 'filters';
  return 'other';
}

function sumBuckets(records: readonly ResponseRecord[]): {
  total: Bucket;
  pagefind: Bucket;
  parts: Record<string, Bucket>;
} {
  const fetched = records.filter((r) => !r.cached);
  const total = aggregate(fetched).total;
  const pf = fetched.filter((r) => pagefindPart(r.url));
  const parts: Record<string, Bucket> = {};
  for (const r of pf) {
    const k = pagefindPart(r.url)!;
    parts[k] ??= { count: 0, raw: 0, gzip: 0, brotli: 0 };
    parts[k].count++;
    parts[k].raw += r.bytes;
    parts[k].gzip += r.gzip;
    parts[k].brotli += r.brotli;
  }
  return { total, pagefind: aggregate(pf).total, parts };
}

// In-page probe. It stamps the last input event and every change of the results list or the status line after it.
// The results count as shown once nothing has changed for SETTLE_MS and the status names the typed query. The
// latency is the time of the *last* change. The first change after the last key is kept too: a page may first
// render the results of an earlier, superseded query.
const SETTLE_MS = 1500;
type Probe = { q: string; lastInput: number; firstChange: number; lastChange: number; changes: number };
const PROBE = () => {
  const w = window as unknown as { __bench: Probe };
  if (w.__bench) return;
  w.__bench = { q: '', lastInput: 0, firstChange: 0, lastChange: 0, changes: 0 };
  const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
  input.addEventListener(
    'input',
    () => {
      const b = w.__bench;
      b.lastInput = performance.now();
      b.firstChange = 0;
      b.lastChange = 0;
      b.changes = 0;
    },
    true,
  );
  const watched = [
    document.querySelector('[data-search-results]'),
    document.querySelector('[data-search-status]'),
  ].filter(Boolean) as Node[];
  const obs = new MutationObserver(() => {
    const b = w.__bench;
    if (!b.lastInput) return;
    const now = performance.now();
    if (!b.firstChange) b.firstChange = now;
    b.lastChange = now;
    b.changes++;
  });
  for (const node of watched) obs.observe(node, { subtree: true, childList: true, characterData: true });
};

export interface TypedResult {
  /** Last key → last change of the results or status (the final results). */
  latencyMs: number | null;
  /** Last key → first change after it (may show a superseded query's results). */
  firstChangeMs: number | null;
  /** Changes of the results list or status after the last key (1 or 2 when there is no stale render). */
  changes: number | null;
  results: number | null;
}

async function typeAndWait(
  page: Page,
  query: string,
  timeoutMs: number,
  mode: 'type' | 'paste' = 'type',
): Promise<TypedResult> {
  const input = page.getByLabel('Search terms');
  await page.evaluate((q) => {
    const w = window as unknown as { __bench: Probe };
    w.__bench.q = q;
  }, query);
  await input.fill('');
  // "type": one input event per character, 40 ms apart (each one may start a search); "paste": one input event.
  if (mode === 'type') await input.pressSequentially(query, { delay: 40 });
  else await input.fill(query);
  try {
    await page.waitForFunction(
      ({ q, settle }) => {
        const b = (window as unknown as { __bench: Probe }).__bench;
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return b.lastChange > 0 && performance.now() - b.lastChange >= settle && status.includes(q.trim());
      },
      { q: query, settle: SETTLE_MS },
      { timeout: timeoutMs, polling: 100 },
    );
  } catch {
    return { latencyMs: null, firstChangeMs: null, changes: null, results: null };
  }
  const r = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Probe }).__bench;
    const status = document.querySelector('[data-search-status]')?.textContent?.trim() ?? '';
    const m = /^(\d[\d,]*) results?\b/.exec(status);
    return {
      latencyMs: b.lastChange - b.lastInput,
      firstChangeMs: b.firstChange - b.lastInput,
      changes: b.changes,
      results: m ? Number(m[1]!.replace(/,/g, '')) : document.querySelectorAll('[data-search-results] li').length,
    };
  });
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    latencyMs: round(r.latencyMs),
    firstChangeMs: round(r.firstChangeMs),
    changes: r.changes,
    results: r.results,
  };
}

/**
 * Cold: a fresh browser context (empty cache) opens /search/, waits until the index is loaded (the app drops
 * aria-busy), then types the first query. Bytes are everything from navigation to results + network idle.
 * Warm: a second query typed in the same page.
 */
export async function measureSearch(
  browser: Browser,
  origin: string,
  site: string,
  first: string,
  second: string,
  third?: string,
  fresh?: string,
): Promise<SearchRun> {
  const ctx: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const rec = new Recorder(page);
  try {
    const nav = await page.goto(`${origin}/search/`, { waitUntil: 'load', timeout: 60_000 });
    if (nav?.status() !== 200) throw new Error(`/search/ answered HTTP ${nav?.status()}`);
    let indexReadyMs: number | null = null;
    try {
      await page.waitForFunction(
        () => {
          const app = document.querySelector('[data-search-app]');
          return !!app && !app.hasAttribute('hidden') && !app.hasAttribute('aria-busy');
        },
        null,
        { timeout: 30_000, polling: 20 },
      );
      indexReadyMs = Math.round(await page.evaluate(() => performance.now()));
    } catch {
      /* index never became ready: the query below will time out too */
    }
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    const loadRecords = await rec.take();
    await page.evaluate(PROBE);
    const c = await typeAndWait(page, first, 30_000);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(600); // fragments requested after the first render
    const queryRecords = await rec.take();
    // Cold totals include the page load: what a reader pays for the first query on a fresh visit.
    const coldAll = sumBuckets([...loadRecords, ...queryRecords]);
    const w = await typeAndWait(page, second, 30_000);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(600);
    const warmRecords = await rec.take();
    const warmAll = sumBuckets(warmRecords);
    let pasted: SearchRun['pasted'];
    if (third) {
      const p = await typeAndWait(page, third, 30_000, 'paste');
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
      await page.waitForTimeout(600);
      const recs = await rec.take();
      pasted = { query: third, ...p, requests: recs.length, total: aggregate(recs.filter((r) => !r.cached)).total };
    }
    let library: LibraryProbe | undefined;
    if (fresh) {
      library = await page.evaluate(
        async ({ q, f }) => {
          const url = new URL('pagefind/pagefind.js', new URL('/', location.href)).href;
          const pf = (await import(url)) as {
            search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
          };
          const t0 = performance.now();
          const s1 = await pf.search(q);
          const t1 = performance.now();
          await Promise.all(s1.results.slice(0, 10).map((r) => r.data()));
          const t2 = performance.now();
          const s2 = await pf.search(f);
          const t3 = performance.now();
          return {
            query: q,
            searchMs: t1 - t0,
            dataMs: t2 - t1,
            results: s1.results.length,
            freshQuery: f,
            freshSearchMs: t3 - t2,
            freshResults: s2.results.length,
          };
        },
        { q: first, f: fresh },
      );
      for (const k of ['searchMs', 'dataMs', 'freshSearchMs'] as const) library[k] = Math.round(library[k] * 10) / 10;
    }
    return {
      pasted,
      library,
      site,
      cold: {
        query: first,
        latencyMs: c.latencyMs,
        firstChangeMs: c.firstChangeMs,
        changes: c.changes,
        results: c.results,
        indexReadyMs,
        pageLoad: aggregate(loadRecords.filter((r) => !r.cached)).total,
        queryOnly: aggregate(queryRecords.filter((r) => !r.cached)).total,
        requests: loadRecords.length + queryRecords.length,
        total: coldAll.total,
        pagefind: coldAll.pagefind,
        pagefindParts: coldAll.parts,
      },
      warm: {
        query: second,
        latencyMs: w.latencyMs,
        firstChangeMs: w.firstChangeMs,
        changes: w.changes,
        results: w.results,
        requests: warmRecords.length,
        total: warmAll.total,
        pagefind: warmAll.pagefind,
        pagefindParts: warmAll.parts,
      },
    };
  } finally {
    rec.stop();
    await ctx.close();
  }
}
