import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';

/**
 * Defects found by looking at the screenshot suite and Lighthouse, each pinned by what a reader sees so it cannot
 * come back unnoticed.
 */

/** Sum of the layout shifts not caused by input, as Lighthouse counts them (CLS), from page load on. */
async function observeLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

test.describe('search results arriving move nothing', () => {
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1280, height: 800 },
  ]) {
    test(`at ${viewport.width} px the footer is not pushed down when results come in`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const cls = await observeLayoutShifts(page);
      await page.goto(E2E.path('/search/?q=ubuntu'));
      await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
      // Let the results finish rendering (excerpts, more results) before reading the total.
      await page.waitForTimeout(500);
      const total = await cls();
      test.info().annotations.push({ type: `CLS at ${viewport.width} px`, description: total.toFixed(3) });
      expect(total).toBeLessThan(0.01);
    });
  }
});

test('home: each upcoming end of support reads "release “codename”: what ends", no space before the colon', async ({
  page,
}) => {
  await page.goto(E2E.path('/'));
  const entries = page.locator('section[aria-labelledby="deadlines-title"] li');
  const n = await entries.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const entry = entries.nth(i);
    const release = (await entry.getByRole('link').textContent())!.trim();
    const date = (await entry.locator('time').textContent())!.trim();
    const text = (await entry.innerText()).replace(date, '').replace(/\s+/g, ' ').trim();
    const escaped = release.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(new RegExp(`^${escaped}( “[^”]+”)?: (end of life|full support ends)$`));
  }
});
