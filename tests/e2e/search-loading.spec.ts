import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { recordTexts } from './text-log.ts';

/**
 * What the search page loads, and when: results first, facet counts after them (and only when the facets can be
 * seen), no search for a single letter the reader is still typing. Each test checks what the reader sees against
 * Pagefind's own answer for the same query.
 */
const SEARCH = E2E.path('/search/');
const PAGEFIND = E2E.path('/pagefind/pagefind.js');
const status = (page: Page) => page.locator('[data-search-status]');

/** Pagefind's own result count and facet counts for a query, from a fresh import of its JS API in the page. */
async function truth(page: Page, q: string) {
  return page.evaluate(
    async ({ q, url }) => {
      const pf = (await import(/* @vite-ignore */ `${url}?truth`)) as {
        filters: () => Promise<unknown>;
        search: (q: string) => Promise<{ results: unknown[]; filters: Record<string, Record<string, number>> }>;
      };
      await pf.filters();
      const s = await pf.search(q);
      return { n: s.results.length, filters: s.filters };
    },
    { q, url: PAGEFIND },
  );
}

/** The values and counts a facet shows, e.g. { Article: 12, Release: 3 }. */
async function facetCounts(page: Page, legend: string): Promise<Record<string, number>> {
  const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: legend }) });
  const labels = await facet.locator('li label').allTextContents();
  return Object.fromEntries(
    labels.map((l) => {
      const m = /^(.*) \((\d+)\)$/.exec(l.trim())!;
      return [m[1]!, Number(m[2])];
    }),
  );
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the filter index loads when the reader opens the filters, with counts for the query on screen', async ({
    page,
  }) => {
    const filterFiles: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind\/filter\//.test(r.url())) filterFiles.push(r.url());
    });
    await page.goto(`${SEARCH}?q=release`);
    await expect(status(page)).toContainText('for “release”');
    await page.waitForTimeout(1000);
    expect(filterFiles).toEqual([]);

    await page.locator('details.search-filters summary').click();
    const kind = page.locator('fieldset.facet legend', { hasText: 'Kind' });
    await expect(kind).toBeVisible();
    expect(filterFiles.length).toBeGreaterThan(0);
    const expected = await truth(page, 'release');
    const shown = await facetCounts(page, 'Kind');
    for (const [value, n] of Object.entries(shown))
      expect(`${value} ${n}`).toBe(`${value} ${expected.filters.kind![value]}`);
    expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(expected.n);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('facet counts follow the results and describe the query on screen', async ({ page }) => {
    // Slow the index down so that the typing, the results and the counts overlap.
    await page.route(/\/pagefind\/(index|fragment|filter)\//, async (route) => {
      await new Promise((r) => setTimeout(r, 200));
      await route.continue();
    });
    await page.goto(SEARCH);
    await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy');
    await page.evaluate(() => {
      const w = window as unknown as { log: string[] };
      w.log = [];
      const results = document.querySelector('[data-search-results]')!;
      const facets = document.querySelector('[data-search-facets]')!;
      const st = document.querySelector('[data-search-status]')!;
      new MutationObserver(() => w.log.push(`results ${st.textContent}`)).observe(results, { childList: true });
      new MutationObserver(() => {
        const kind = [...facets.querySelectorAll('fieldset')].find(
          (f) => f.querySelector('legend')?.textContent === 'Kind',
        );
        w.log.push(`facets ${kind?.querySelector('ul')?.textContent ?? ''}`);
      }).observe(facets, { childList: true });
    });
    await page.getByLabel('Search terms').pressSequentially('debian', { delay: 60 });
    await expect(status(page)).toContainText('for “debian”', { timeout: 20_000 });
    const expected = await truth(page, 'debian');
    await expect(status(page)).toHaveText(new RegExp(`^${expected.n} results? for “debian”`));
    await expect.poll(() => facetCounts(page, 'Kind')).toEqual(expected.filters.kind);
    const log = await page.evaluate(() => (window as unknown as { log: string[] }).log);
    // The first facets on screen come after the first results: counts never arrive before the results.
    const firstResults = log.findIndex((l) => l.startsWith('results') && /\d+ results? for/.test(l));
    const firstFacets = log.findIndex((l) => l.startsWith('facets'));
    expect(firstResults).toBeGreaterThanOrEqual(0);
    expect(firstFacets).toBeGreaterThan(firstResults);
  });

  test('a single letter is searched once the reader stops, not while typing on', async ({ page }) => {
    await page.goto(SEARCH);
    await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy');
    const statusTexts = await recordTexts(page, '[data-search-status]');
    const input = page.getByLabel('Search terms');
    await input.pressSequentially('rocky', { delay: 60 });
    await expect(status(page)).toContainText('for “rocky”');
    const statuses = await statusTexts();
    expect(statuses.filter((s) => /for “ro?”/.test(s))).toEqual([]);

    // A letter on its own still finds what Pagefind finds for it, once the reader pauses.
    await input.fill('');
    await input.pressSequentially('k');
    const expected = await truth(page, 'k');
    expect(expected.n).toBeGreaterThan(0);
    await expect(status(page)).toHaveText(new RegExp(`^${expected.n} results? for “k”`));
  });
});

test('the header search skips the letters typed past and answers the whole word', async ({ page }) => {
  await page.goto(E2E.path('/distros/'));
  const statusTexts = await recordTexts(page, '[data-quick-status]');
  await page.keyboard.press('/');
  await page.keyboard.type('rocky', { delay: 60 });
  const expected = await truth(page, 'rocky');
  await expect(page.locator('[data-quick-status]')).toHaveText(new RegExp(`^${expected.n} results? for “rocky”$`));
  const statuses = await statusTexts();
  expect(statuses.filter((s) => /for “ro?”/.test(s))).toEqual([]);
});
