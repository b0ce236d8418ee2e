import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { sitemapPaths } from './sitemap.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Records CSP violations and script errors from the first byte of every page. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
  });
  return {
    errors,
    csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

const paths = sitemapPaths();
// Split the sitemap into chunks so the two workers share the load and a failure names a small set of pages.
const CHUNK = 12;
for (const scheme of ['light', 'dark'] as const) {
  for (let i = 0; i < paths.length; i += CHUNK) {
    const chunk = paths.slice(i, i + CHUNK);
    test(`${scheme}: axe and CSP clean on sitemap pages ${i + 1}-${i + chunk.length} of ${paths.length}`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      const w = await watch(page);
      const problems: string[] = [];
      for (const path of chunk) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        for (const v of await axe(page)) problems.push(`${path} ${v}`);
        for (const c of await w.csp()) problems.push(`${path} CSP ${c}`);
      }
      for (const e of w.errors) problems.push(`script error: ${e}`);
      expect(problems).toEqual([]);
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: the search page with results and facets open, and the header combobox open on the front page, are axe and CSP clean`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const w = await watch(page);
    await page.goto(`${E2E.path('/search/')}?q=linux&type=News`);
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    await expect(page.locator('fieldset.facet').first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
    // The search page has one search box, its own; the header combobox is checked on the front page.
    await page.goto(E2E.path('/'));
    await page.locator('#header-q').fill('rocky');
    await expect(page.locator('#quick-listbox [role="option"]').first()).toBeVisible();
    await page.locator('#header-q').press('ArrowDown');
    expect(await axe(page)).toEqual([]);
    expect(await w.csp()).toEqual([]);
    expect(w.errors).toEqual([]);
  });
}

test('the theme toggle keeps the dark theme accessible when chosen explicitly', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  await page.locator('[data-theme-toggle]').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axe(page)).toEqual([]);
});

test('keyboard only: home, skip link, an article, then search', async ({ page }) => {
  await page.goto(E2E.path('/'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  // The next stops are the lead story's section link, then its headline.
  let focusedHref = '';
  for (let i = 0; i < 5 && !focusedHref.includes('/articles/'); i++) {
    await page.keyboard.press('Tab');
    focusedHref = (await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '')) || '';
  }
  expect(focusedHref).toContain('/articles/');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(focusedHref);
  await page.keyboard.press('/');
  await page.keyboard.type('ABI');
  // Results for the partial query ("A") may show first; wait until the list answers the whole query.
  await expect(page.locator('#quick-listbox')).toContainText('results for “ABI”');
  await expect(page.locator('#quick-listbox [role="option"]').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/articles\/.+highlight=abi/);
});
