import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { sitemapPaths } from './sitemap.ts';
import { PAGE_TYPES as SITE_PAGE_TYPES } from './page-types.ts';

const ARTICLES = sitemapPaths().filter((p) => p.startsWith(E2E.path('/articles/')));
const ARTICLE = E2E.path('/articles/almalinux-abi-compatibility/');

/** Every page type, under the deploy base. */
const PAGE_TYPES = Object.fromEntries(Object.entries(SITE_PAGE_TYPES).map(([k, p]) => [k, E2E.path(p)]));

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function tocEntries(page: Page, scope: string) {
  return page
    .locator(`${scope} a`)
    .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' })));
}

test.describe('table of contents', () => {
  test('on every article, each entry reads exactly as its heading, for sighted and screen-reader users', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    expect(ARTICLES.length).toBeGreaterThan(10);
    let checked = 0;
    for (const path of ARTICLES) {
      await page.goto(path);
      const links = page.locator('nav.toc-aside a');
      const n = await links.count();
      for (let i = 0; i < n; i++) {
        const link = links.nth(i);
        const slug = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
        const heading = page.locator(`.article-body [id="${slug}"]`);
        await expect(heading, `${path}: heading #${slug}`).toHaveCount(1);
        const text = squash(await heading.textContent());
        expect(text, `${path}: heading #${slug} has text`).not.toBe('');
        // What the page shows and what assistive technology announces, for the entry and its heading alike.
        expect(squash(await link.textContent()), `${path}: entry for #${slug}`).toBe(text);
        await expect(link, `${path}: entry for #${slug}`).toHaveAccessibleName(text);
        await expect(heading, `${path}: heading #${slug}`).toHaveAccessibleName(text);
        checked++;
      }
      // Every h2 of the body is listed.
      const h2s = await page.locator('.article-body h2[id]').count();
      expect(await page.locator('nav.toc-aside > ol > li').count(), `${path}: one entry per h2`).toBe(h2s);
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('on a phone, "On this page" is a collapsed disclosure above the article text', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(ARTICLE);
    const details = page.locator('details.toc-inline');
    await expect(details).toBeVisible();
    await expect(page.locator('nav.toc-aside')).toBeHidden();
    const summary = details.locator('summary');
    await expect(summary).toHaveText('On this page');
    await expect(details).not.toHaveAttribute('open');
    await expect(details.getByRole('link').first()).toBeHidden();
    // Above the first paragraph of the body, within the first two screens (not after the sources).
    const tocBox = (await summary.boundingBox())!;
    const bodyBox = (await page.locator('.article-body > p').first().boundingBox())!;
    expect(tocBox.y).toBeLessThan(bodyBox.y);
    expect(tocBox.y).toBeLessThan(1600);
    await summary.click();
    const inline = await tocEntries(page, 'details.toc-inline nav');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator('details.toc-inline')).toBeHidden();
    expect(inline).toEqual(await tocEntries(page, 'nav.toc-aside'));
    expect(inline.length).toBeGreaterThan(2);
  });
});

test.describe('header', () => {
  test('at 320 px it fits, keeps every section reachable and shows the whole search placeholder', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(ARTICLE);
    const header = page.locator('header.site-header');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(130);
    // The mark keeps its size beside the name (it was once squeezed to nothing), and the theme toggle stays on screen.
    const mark = (await page.locator('.brand svg').boundingBox())!;
    expect(mark.width).toBeGreaterThanOrEqual(20);
    await expect(page.locator('.brand')).toHaveText('Downstream');
    await expect(page.locator('.brand')).toBeInViewport({ ratio: 1 });
    await expect(page.locator('.theme-toggle')).toBeInViewport({ ratio: 1 });
    const menu = page.locator('details.site-menu summary');
    await expect(menu).toBeVisible();
    await menu.click();
    const links = page.locator('nav.site-nav-menu a');
    await expect(links).toHaveText(['News', 'Analysis', 'Guides', 'Opinion', 'Distributions', 'Archive']);
    for (const link of await links.all()) {
      await expect(link).toBeInViewport({ ratio: 1 });
    }
    await links.filter({ hasText: 'Archive' }).click();
    await expect(page).toHaveURL(E2E.origin + E2E.path('/archive/'));

    const input = page.locator('#header-q');
    await expect(input).toBeInViewport({ ratio: 1 });
    const fit = await input.evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return { need: ctx.measureText(el.placeholder).width, room };
    });
    expect(fit.need).toBeLessThanOrEqual(fit.room);
  });

  test('at 1280 px the sections are a row of links and the search placeholder is whole', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(E2E.path('/'));
    await expect(page.locator('details.site-menu')).toBeHidden();
    await expect(page.locator('nav.site-nav-row a')).toHaveText([
      'News',
      'Analysis',
      'Guides',
      'Opinion',
      'Distributions',
      'Archive',
    ]);
    const fit = await page.locator('#header-q').evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(el.placeholder).width <= el.clientWidth - parseFloat(cs.paddingLeft) * 2;
    });
    expect(fit).toBe(true);
  });

  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    test(`one search box on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      const boxes = page.locator('input[type="search"]:visible');
      await expect(boxes).toHaveCount(1);
    });
  }
});

test.describe('no sideways scrolling at 320 px', () => {
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    test(`${name}`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(path);
      const overflow = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= document.documentElement.clientWidth + 1) return false;
            // The content of a closed <details> keeps a box but is not rendered.
            if (!el.checkVisibility()) return false;
            // Inside a scrolling box (a wide table, a code block) the box scrolls, not the page.
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return false;
            }
            return true;
          })
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      expect(overflow.wide, `elements past the right edge on ${path}`).toEqual([]);
      expect(overflow.doc).toBeLessThanOrEqual(overflow.view);
    });
  }
});

test.describe('typographic quotes', () => {
  test('headline, dek, page title and callout title have the quotes of the text beside them', async ({ page }) => {
    // Front matter and MDX props are written with straight quotes; the body's quotes are typographic.
    await page.goto(E2E.path('/articles/debian-12-bookworm-released/'));
    await expect(page.locator('h1')).toHaveText(
      'Debian 12 “bookworm” ships, with non-free firmware in its own archive area',
    );
    await expect(page).toHaveTitle(
      'Debian 12 “bookworm” ships, with non-free firmware in its own archive area · Downstream',
    );
    await page.goto(E2E.path('/articles/oracle-suse-respond-to-red-hat/'));
    await expect(page.locator('h1')).toHaveText(
      'Oracle attacks Red Hat’s source decision, and SUSE says it will fork RHEL',
    );
    await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
    await expect(page.locator('.callout__title', { hasText: 'own definition' })).toHaveText(
      'AlmaLinux’s own definition',
    );
    // Nothing the reader sees in a headline or dek on the home page keeps a straight quote.
    await page.goto(E2E.path('/'));
    const texts = await page.locator('main h2, main h3, main p').allTextContents();
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => /[’”]/.test(t)).length).toBeGreaterThan(0);
    expect(texts.filter((t) => /["']/.test(t))).toEqual([]);
  });
});
