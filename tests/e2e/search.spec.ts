import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';

const SEARCH = E2E.path('/search/');
const results = (page: Page) => page.locator('[data-search-results] > li');
const resultLinks = (page: Page) => page.locator('[data-search-results] h3 a');

async function searchFor(page: Page, q: string) {
  await page.getByLabel('Search terms').fill(q);
  await expect(page.locator('[data-search-status]')).toContainText(`for “${q}”`);
}

test.describe('header search (combobox)', () => {
  test('opens with "/" and with Ctrl+K, moves with arrow keys, opens a result with Enter', async ({ page }) => {
    await page.goto(E2E.path('/distros/'));
    await page.keyboard.press('/');
    const input = page.locator('#header-q');
    await expect(input).toBeFocused();
    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    await expect(input).toBeFocused();

    await page.keyboard.type('Rocky');
    await expect(input).toHaveAttribute('role', 'combobox');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    const options = page.locator('#quick-listbox [role="option"]');
    await expect(options.first()).toBeVisible();
    await expect(page.locator('[data-quick-status]')).toContainText(/\d+ results? for “Rocky”/);

    await page.keyboard.press('ArrowDown');
    const first = options.first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const title = (await first.locator('.quick-title').textContent())!;

    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page).toHaveURL(/[?&]highlight=rocky/i);
  });

  test('Escape closes the results; Enter without a choice goes to the full search page', async ({ page }) => {
    await page.goto(E2E.path('/'));
    await page.keyboard.press('/');
    await page.keyboard.type('Debian');
    // Results for a partial query ("D") may open the list while the search for "Debian" is still running.
    await expect(page.locator('#header-q')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(page.locator('#header-q')).toHaveAttribute('aria-expanded', 'false');
    // The search still in flight answers the whole query, and the list stays closed: Escape is not undone.
    await expect(page.locator('[data-quick-status]')).toHaveText(/\d+ results? for “Debian”/);
    await expect(page.locator('#header-q')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('[data-quick-panel]')).toBeHidden();
    await expect(page.locator('#header-q')).toHaveValue('Debian');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${E2E.origin}${SEARCH}?q=Debian`);
    await expect(page.getByLabel('Search terms')).toHaveValue('Debian');
    await expect(results(page).first()).toBeVisible();
  });

  test('works without JavaScript as a plain form', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(E2E.path('/'));
    await page.locator('#header-q').fill('fedora');
    await page.locator('#header-q').press('Enter');
    await expect(page).toHaveURL(`${E2E.origin}${SEARCH}?q=fedora`);
    // The search page explains itself and links to the archives instead of showing a dead box.
    await expect(page.locator('[data-search-app]')).toBeHidden();
    await expect(page.locator('.panel', { hasText: 'Search runs in your browser and needs JavaScript' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'the archive by year and month' })).toBeVisible();
    await context.close();
  });
});

test.describe('search page', () => {
  test('results show title, date, type, distributions and an excerpt with the matches highlighted', async ({
    page,
  }) => {
    await page.goto(SEARCH);
    await searchFor(page, 'ELevate');
    const first = results(page).first();
    await expect(first.locator('h3 a')).toBeVisible();
    await expect(first.locator('.meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('.meta span').first()).toHaveText(/^(News|Analysis|Guide|Opinion)$/);
    await expect(first.locator('.excerpt mark').first()).toHaveText(/elevate/i);
    // The matched words are highlighted on the page the reader opens, too.
    await first.locator('h3 a').click();
    await expect(page.locator('[data-pagefind-body] mark.pagefind-highlight').first()).toBeVisible();
  });

  test('facets show counts, narrow the results and live in the URL', async ({ page }) => {
    await page.goto(SEARCH);
    await searchFor(page, 'release');
    const total = await results(page).count();
    const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Distribution' }) });
    // A facet shows its most used values; the rest are one button away.
    await facet.getByRole('button', { name: /Show all/ }).click();
    const debian = facet.locator('li', { hasText: 'Debian' }).first();
    await expect(debian).toContainText(/\(\d+\)/);
    const expected = Number(/\((\d+)\)/.exec((await debian.textContent())!)![1]);
    await debian.locator('input').check();
    await expect(page).toHaveURL(/distribution=Debian/);
    await expect(page.locator('[data-search-status]')).toContainText(`${expected} result`);
    expect(await results(page).count()).toBeLessThanOrEqual(Math.min(total, expected));
    for (const meta of await results(page).locator('.meta').allTextContents()) expect(meta).toContain('Debian');
    for (const f of ['Family', 'Type', 'Topic', 'Desk', 'Year']) {
      await expect(page.locator('fieldset.facet legend', { hasText: f })).toBeVisible();
    }
  });

  test('browses by facets with an empty query (all AlmaLinux analysis)', async ({ page }) => {
    await page.goto(`${SEARCH}?distribution=AlmaLinux+OS&type=Analysis`);
    await expect(results(page).first()).toBeVisible();
    const metas = await results(page).locator('.meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) {
      expect(m).toContain('Analysis');
      expect(m).toContain('AlmaLinux');
    }
    await expect(page.locator('input[name="distribution"][value="AlmaLinux OS"]')).toBeChecked();
    await expect(page.locator('input[name="type"][value="Analysis"]')).toBeChecked();
  });

  test('sorts by newest and oldest', async ({ page }) => {
    const dates = async () =>
      results(page)
        .locator('time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    await page.goto(`${SEARCH}?q=linux&sort=newest`);
    await expect(results(page).first()).toBeVisible();
    const newest = await dates();
    expect(newest.length).toBeGreaterThan(3);
    expect([...newest].sort().reverse()).toEqual(newest);
    await page.getByLabel('Sort by').selectOption('oldest');
    await expect(page).toHaveURL(/sort=oldest/);
    await expect.poll(async () => (await dates())[0]! < newest.at(-1)!).toBe(true);
    const oldest = await dates();
    expect([...oldest].sort()).toEqual(oldest);
    expect(oldest[0]! <= newest.at(-1)!).toBe(true);
  });

  test('a shared URL restores query, facets and sort; the back button steps through searches', async ({ page }) => {
    await page.goto(`${SEARCH}?q=centos&year=2024&sort=oldest`);
    await expect(page.getByLabel('Search terms')).toHaveValue('centos');
    await expect(page.getByLabel('Sort by')).toHaveValue('oldest');
    await expect(page.locator('input[name="year"][value="2024"]')).toBeChecked();
    for (const t of await results(page).locator('time').allTextContents()) expect(t).toContain('2024');

    await page.getByLabel('Search terms').fill('rocky');
    await expect(page).toHaveURL(/q=rocky/);
    await page.locator('input[name="year"][value="2024"]').uncheck();
    await expect(page).not.toHaveURL(/year=2024/);
    await page.goBack();
    await expect(page).toHaveURL(/q=rocky.*year=2024/);
    await expect(page.locator('input[name="year"][value="2024"]')).toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/q=centos/);
    await expect(page.getByLabel('Search terms')).toHaveValue('centos');
  });

  test('searches within a distribution from its hub', async ({ page }) => {
    await page.goto(E2E.path('/distros/debian/'));
    const box = page.getByRole('searchbox', { name: 'Search coverage of Debian GNU/Linux' });
    await box.fill('upgrade');
    await box.press('Enter');
    await expect(page).toHaveURL(/distribution=Debian/);
    await expect(page.locator('input[name="distribution"][value^="Debian"]')).toBeChecked();
    await expect(results(page).first()).toBeVisible();
    for (const m of await results(page).locator('.meta').allTextContents()) expect(m).toContain('Debian');
  });

  test('an exact title ranks its article first', async ({ page, request }) => {
    for (const slug of ['what-abi-compatible-means', 'centos-linux-7-end-of-life', 'fedora-42-released']) {
      const html = await (await request.get(E2E.path(`/articles/${slug}/`))).text();
      const title = /<h1[^>]*>([^<]+)<\/h1>/
        .exec(html)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
      await page.goto(SEARCH);
      await searchFor(page, title);
      await expect(resultLinks(page).first()).toHaveAttribute('href', new RegExp(`/articles/${slug}/`));
    }
  });

  test('no results: says so and offers to drop the filters', async ({ page }) => {
    await page.goto(`${SEARCH}?q=kernel&type=Opinion&distribution=Alpine+Linux`);
    await expect(page.locator('[data-search-status]')).toContainText('0 results');
    await expect(page.locator('[data-search-status]')).toContainText('Try removing filters');
    await page.getByRole('button', { name: 'Remove all filters' }).click();
    await expect(page).not.toHaveURL(/type=/);
    await expect(results(page).first()).toBeVisible();
  });

  test('queries from the URL are shown as text, never run as HTML', async ({ page }) => {
    const hostile = [
      '<img src=x onerror="window.__xss=1">',
      '"><script>window.__xss=2</script>',
      '<svg/onload=window.__xss=3>',
    ];
    for (const q of hostile) {
      await page.goto(`${SEARCH}?q=${encodeURIComponent(q)}`);
      await expect(page.locator('[data-search-status]')).toContainText('result');
      await expect(page.getByLabel('Search terms')).toHaveValue(q);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      await expect(page.locator('[data-search-app] img, [data-search-app] svg, [data-search-app] script')).toHaveCount(
        0,
      );
      if (/[a-z]{3}/i.test(q)) await expect(page.locator('[data-search-status]')).toContainText(q.trim());
      // The header combobox (on any page but search) renders the same input as text too.
      await page.goto(E2E.path('/archive/'));
      await page.locator('#header-q').fill(q);
      await expect(page.locator('[data-quick-status]')).toContainText(q.trim());
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      await expect(page.locator('#quick-listbox img, #quick-listbox svg, #quick-listbox script')).toHaveCount(0);
    }
  });
});
