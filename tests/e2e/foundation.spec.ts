import { expect, test } from '@playwright/test';
import { E2E } from './env.ts';

const FLAGSHIP = E2E.path('/articles/almalinux-abi-compatibility/');

test.describe('foundation', () => {
  test('the home page leads with the newest story, then the latest by section, newest first', async ({ page }) => {
    await page.goto(E2E.path('/'));
    const top = await page
      .locator('main .home-lead .card time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(top.length).toBeGreaterThan(1);
    expect([...top].sort().reverse()).toEqual(top);
    const blocks = page.locator('main .section-block');
    await expect(blocks.locator('h3 >> nth=0')).toBeVisible();
    for (const block of await blocks.all()) {
      const dates = await block.locator('.card time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect([...dates].sort().reverse()).toEqual(dates);
      // Nothing in a section block is newer than the last headline at the top.
      expect(dates.every((d) => d <= top[top.length - 1]!)).toBe(true);
    }
  });

  test('the article renders a GFM table, heading ids and working table-of-contents links', async ({ page }) => {
    await page.goto(FLAGSHIP);
    await expect(page.locator('h1')).toContainText('ABI');
    await expect(page.locator('.article-body table').first()).toBeVisible();
    expect(await page.locator('.article-body table th').count()).toBeGreaterThan(1);

    const headingIds = await page.locator('.article-body h2[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(headingIds.length).toBeGreaterThanOrEqual(3);
    const tocLinks = page.locator('nav.toc-aside a');
    expect(await tocLinks.count()).toBeGreaterThanOrEqual(headingIds.length);

    const target = headingIds[headingIds.length - 1]!;
    await page.locator(`nav.toc-aside a[href="#${target}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${target}$`));
    await expect(page.locator(`#${target}`)).toBeInViewport();

    // The heading's own anchor link, beside it, points at it.
    await expect(page.locator(`.heading-wrapper:has(> #${target}) > a.heading-anchor`)).toHaveAttribute(
      'href',
      `#${target}`,
    );
  });

  test('the article shows byline, dates, reading time, sources and links to its distributions', async ({ page }) => {
    await page.goto(FLAGSHIP);
    const meta = page.locator('.article-head .meta');
    await expect(meta).toContainText('By ');
    await expect(meta).toContainText('Published');
    await expect(meta).toContainText(/\d+ min read/);
    expect(await page.locator('.sources li a[href^="https://"]').count()).toBeGreaterThan(0);
    await expect(page.locator(`.article-head a[href="${E2E.path('/distros/almalinux/')}"]`)).toBeVisible();
  });

  test('the theme choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(FLAGSHIP);
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
  });

  test('searching for "ABI" finds the AlmaLinux article and opening the result lands on it', async ({ page }) => {
    await page.goto(E2E.path('/search/'));
    await page.getByLabel('Search terms').fill('ABI');
    const result = page.locator(`[data-search-results] a[href^="${FLAGSHIP}"]`).first();
    await expect(result).toBeVisible();
    await result.click();
    await expect(page).toHaveURL(new RegExp(`${FLAGSHIP}`));
    await expect(page.locator('h1')).toContainText('ABI');
  });

  test('an unknown URL gets the 404 page with status 404', async ({ page }) => {
    const response = await page.goto(E2E.path('/no-such-page/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
  });
});
