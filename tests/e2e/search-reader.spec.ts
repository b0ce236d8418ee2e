import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';

const SEARCH = E2E.path('/search/');
const results = (page: Page) => page.locator('[data-search-results] > li');
const firstResultLink = (page: Page) => page.locator('[data-search-results] > li h3 a').first();

/** Presses Tab from the query box until the first result has focus; returns the number of presses (or max + 1). */
async function tabsToFirstResult(page: Page, max = 10): Promise<number> {
  await page.getByLabel('Search terms').focus();
  const target = await firstResultLink(page).getAttribute('href');
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    const inResults = await page.evaluate(() => !!document.activeElement?.closest('[data-search-results]'));
    if (inResults && href === target) return i;
  }
  return max + 1;
}

test.describe('search on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('results come first; the filters wait behind one disclosure', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux`);
    await expect(results(page).first()).toBeVisible();
    const box = (await firstResultLink(page).boundingBox())!;
    test.info().annotations.push({ type: 'first result y at 375 px', description: String(Math.round(box.y)) });
    expect(box.y).toBeLessThan(800);
    const filters = page.locator('details.search-filters');
    await expect(filters).toBeVisible();
    await expect(filters).not.toHaveAttribute('open');
    await expect(page.locator('fieldset.facet').first()).toBeHidden();
    await expect(page.locator('aside.search-aside')).toBeHidden();
    // The disclosure sits between the query box and the results.
    const summary = (await filters.locator('summary').boundingBox())!;
    expect(summary.y).toBeLessThan(box.y);
  });

  test('active filters show as removable chips with their count', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux`);
    await expect(results(page).first()).toBeVisible();
    await page.locator('details.search-filters summary').click();
    const typeFacet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Type' }) });
    await typeFacet.getByLabel(/^News/).check();
    await expect(page).toHaveURL(/type=News/);
    await expect(page.locator('details.search-filters summary')).toContainText('1 active');
    const chip = page.getByRole('button', { name: 'Remove filter Type: News' });
    await expect(chip).toBeVisible();
    await expect(chip).toHaveText(/Type: News/);
    for (const m of await results(page).locator('.meta').allTextContents()) expect(m).toContain('News');

    await page.locator('details.search-filters summary').click();
    await chip.click();
    await expect(page).not.toHaveURL(/type=News/);
    await expect(chip).toHaveCount(0);
    await expect(page.locator('details.search-filters summary')).not.toContainText('active');
  });

  test('a facet shows its top values first and expands to all of them', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux`);
    await expect(results(page).first()).toBeVisible();
    await page.locator('details.search-filters summary').click();
    const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Distribution' }) });
    const values = facet.locator('li');
    expect(await values.count()).toBeLessThanOrEqual(6);
    // Most used first.
    const counts = (await values.allTextContents()).map((t) => Number(/\((\d+)\)/.exec(t)![1]));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const more = facet.getByRole('button', { name: /Show all \d+/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const all = Number(/Show all (\d+)/.exec((await more.textContent())!)![1]);
    await more.click();
    await expect(values).toHaveCount(all);
    await expect(facet.getByRole('button', { name: /Show fewer/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(facet.getByRole('button', { name: /Show fewer/ })).toBeFocused();
  });

  test('from the query box the first result is at most 3 Tab presses away, with a filter on', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux&type=News`);
    await expect(results(page).first()).toBeVisible();
    const n = await tabsToFirstResult(page);
    test.info().annotations.push({ type: 'Tab presses to first result (phone, 1 filter)', description: String(n) });
    expect(n).toBeLessThanOrEqual(3);
  });
});

test.describe('search on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the filters sit in the sidebar after the results; the first result is 2 Tab presses away', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux&type=News`);
    await expect(results(page).first()).toBeVisible();
    await expect(page.locator('details.search-filters')).toBeHidden();
    const aside = page.locator('aside.search-aside');
    await expect(aside.locator('fieldset.facet').first()).toBeVisible();
    await expect(aside.getByRole('heading', { name: /Filters and sort/ })).toContainText('1 active');
    const resultsBox = (await results(page).first().boundingBox())!;
    const asideBox = (await aside.boundingBox())!;
    expect(asideBox.x).toBeGreaterThan(resultsBox.x + resultsBox.width - 1);
    const n = await tabsToFirstResult(page);
    test.info().annotations.push({ type: 'Tab presses to first result (desktop, 1 filter)', description: String(n) });
    expect(n).toBeLessThanOrEqual(2);
  });

  test('the count heads the list: it sits on a rule, and the first result follows right under it', async ({ page }) => {
    await page.goto(`${SEARCH}?q=kernel`);
    await expect(results(page).first()).toBeVisible();
    const m = await page.evaluate(() => {
      const status = document.querySelector('[data-search-status]')!;
      const range = document.createRange();
      range.selectNodeContents(status);
      const text = range.getBoundingClientRect();
      const box = status.getBoundingClientRect();
      const first = document.querySelector('[data-search-results] > li')!.getBoundingClientRect();
      return {
        rule: getComputedStyle(status).borderBottomStyle,
        textToRule: box.bottom - text.bottom,
        textToFirst: first.top - text.bottom,
        lines: Math.round(text.height / parseFloat(getComputedStyle(status).lineHeight)),
      };
    });
    expect(m.lines).toBe(1);
    expect(m.rule).toBe('solid');
    // The line reserved for a longer status is above the count, not between it and the results.
    expect(m.textToRule).toBeLessThan(16);
    expect(m.textToFirst).toBeLessThan(56);
  });

  test('arrow keys move from the query box through the results and back', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux`);
    await expect(results(page).nth(2)).toBeVisible();
    const links = page.locator('[data-search-results] > li h3 a');
    const input = page.getByLabel('Search terms');
    await input.focus();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
  });

  test('arrow keys move between the chips, one Tab stop for all of them', async ({ page }) => {
    await page.goto(`${SEARCH}?q=linux&type=News&year=2025`);
    await expect(results(page).first()).toBeVisible();
    const chips = page.locator('[data-search-chips] button');
    await expect(chips).toHaveCount(2);
    await chips.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(chips.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/year=2025/);
    await expect(chips).toHaveCount(1);
    await expect(chips.first()).toBeFocused();
  });
});
