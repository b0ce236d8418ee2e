import { expect, test } from '@playwright/test';
import { E2E } from './env.ts';
import { recordTexts } from './text-log.ts';

/**
 * The status line must always describe the search whose results are on screen. With a slow index, the reader
 * keeps typing while a search runs; the page used to label the previous query's count with the new query.
 */
test('the status line never shows a previous query’s count under the new query', async ({ page }) => {
  // Slow every index, fragment and filter chunk down so that searches overlap the typing.
  await page.route(/\/pagefind\/(index|fragment|filter)\//, async (route) => {
    await new Promise((r) => setTimeout(r, 250));
    await route.continue();
  });
  await page.goto(E2E.path('/search/'));
  await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy');
  const statusTexts = await recordTexts(page, '[data-search-status]');
  await page.getByLabel('Search terms').pressSequentially('rocky linux', { delay: 60 });
  await expect(page.locator('[data-search-status]')).toContainText('for “rocky linux”', { timeout: 20_000 });
  await page.waitForTimeout(1500);
  const statuses = await statusTexts();
  const shown = statuses
    .map((s) => /^(\d+) results? for “([^”]+)”/.exec(s))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), q: m[2]! }));
  expect(shown.length).toBeGreaterThan(0);
  // Each label's count is what Pagefind finds for that label's query.
  const truth = await page.evaluate(
    async ({ qs, url }) => {
      const pf = (await import(/* @vite-ignore */ url)) as {
        search: (q: string) => Promise<{ results: unknown[] }>;
      };
      const out: Record<string, number> = {};
      for (const q of qs) out[q] = (await pf.search(q)).results.length;
      return out;
    },
    { qs: [...new Set(shown.map((s) => s.q))], url: E2E.path('/pagefind/pagefind.js') },
  );
  for (const s of shown) expect(`${s.n} for “${s.q}”`).toBe(`${truth[s.q]} for “${s.q}”`);
});

/**
 * A reader who types on while the first results' excerpts load must not see results for a query that is no longer
 * in the box: the page used to finish showing them (status line included) before it searched what was typed since.
 */
test('results for a query the reader has already typed past are never shown', async ({ page }) => {
  // Only the result fragments are slow: each search finds its results at once, then waits for their excerpts.
  await page.route(/\/pagefind\/fragment\//, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto(E2E.path('/search/'));
  await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy');
  const statusTexts = await recordTexts(page, '[data-search-status]');
  await page.evaluate(() => {
    const w = window as unknown as { headlines: string[][] };
    w.headlines = [];
    const list = document.querySelector('[data-search-results]')!;
    new MutationObserver(() =>
      w.headlines.push([...list.querySelectorAll('h3')].map((h) => h.textContent ?? '')),
    ).observe(list, { childList: true });
  });
  await page.getByLabel('Search terms').pressSequentially('rocky', { delay: 60 });
  await expect(page.locator('[data-search-status]')).toContainText('for “rocky”', { timeout: 20_000 });
  await page.waitForTimeout(1000);
  const statuses = await statusTexts();
  const headlines = await page.evaluate(() => (window as unknown as { headlines: string[][] }).headlines);
  // Every status the reader saw names the query in the box when it appeared: “rocky”, never “roc” or “rock”.
  expect(statuses.filter((s) => /for “/.test(s) && !/for “rocky”/.test(s))).toEqual([]);
  // The list changed once, to the results for “rocky”, which name Rocky Linux.
  expect(headlines).toHaveLength(1);
  expect(headlines[0]!.length).toBeGreaterThan(0);
  expect(headlines[0]!.some((h) => /rocky/i.test(h))).toBe(true);
});
