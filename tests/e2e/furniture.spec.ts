import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { sitemapPaths } from './sitemap.ts';
import { SITE } from '../../src/site.config.ts';
import { parseCorrections } from '../../src/lib/corrections.ts';

const ARTICLES = sitemapPaths().filter((p) => p.startsWith(E2E.path('/articles/')));
/** An article with an "Updates and corrections" log, and one without. */
const WITH_LOG = E2E.path('/articles/fedora-44-released-after-two-delays/');
const WITHOUT_LOG = E2E.path('/articles/almalinux-abi-compatibility/');
const SETTING = parseCorrections(SITE.corrections);
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Checks that the link leads where the site setting says, naming the article the reader is on. */
async function expectCorrectionLink(page: Page, path: string) {
  const link = page.locator('.article-foot .suggest-correction a');
  await expect(link, path).toHaveCount(1);
  await expect(link, path).toHaveText(/^Suggest a correction/);
  expect(await link.locator('..').innerText(), path).toMatch(/^Spotted an error\? Suggest a correction/);
  const title = (await page.locator('h1').textContent())!.trim();
  const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
  const href = (await link.getAttribute('href'))!;
  if ('email' in SETTING) {
    expect(href, path).toMatch(new RegExp(`^mailto:${SETTING.email.replace(/\./g, '\\.')}\\?`));
    // Encoded as RFC 6068 wants: no raw spaces or "+" (a mail client shows "+" literally).
    expect(href, path).not.toMatch(/[ +]/);
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(query.get('subject'), path).toBe(`Correction: ${title}`);
    expect(query.get('body'), path).toContain(`Address: ${canonical}\r\n`);
  } else {
    const u = new URL(href);
    expect(`${u.origin}${u.pathname}`).toBe(new URL(SETTING.tracker).origin + new URL(SETTING.tracker).pathname);
    if (SETTING.urlParam) expect(u.searchParams.get(SETTING.urlParam), path).toBe(canonical);
  }
}

test.describe('"Suggest a correction"', () => {
  test('sits under the corrections log when the article has one', async ({ page }) => {
    await page.goto(WITH_LOG);
    const log = page.locator('section.corrections');
    await expect(log.getByRole('heading', { name: 'Updates and corrections' })).toBeVisible();
    // After the last entry of the log, inside the same panel.
    const last = (await log.locator('ol > li').last().boundingBox())!;
    const link = log.getByRole('link', { name: 'Suggest a correction' });
    await expect(link).toBeVisible();
    expect((await link.boundingBox())!.y).toBeGreaterThan(last.y);
    await expectCorrectionLink(page, WITH_LOG);
  });

  test('is in the article footer when there is no log, before the sources', async ({ page }) => {
    await page.goto(WITHOUT_LOG);
    await expect(page.locator('section.corrections')).toHaveCount(0);
    const link = page.locator('.article-foot').getByRole('link', { name: 'Suggest a correction' });
    await expect(link).toBeVisible();
    const sources = (await page.locator('#sources-title').boundingBox())!;
    expect((await link.boundingBox())!.y).toBeLessThan(sources.y);
    await expectCorrectionLink(page, WITHOUT_LOG);
  });

  test('every article has exactly one, naming that article', async ({ page }) => {
    test.setTimeout(120_000);
    expect(ARTICLES.length).toBeGreaterThan(10);
    for (const path of ARTICLES) {
      await page.goto(path);
      await expectCorrectionLink(page, path);
    }
  });
});

test.describe('home page', () => {
  test('the lead story and every card list their distributions as "A, B, C" (no space before a comma)', async ({
    page,
  }) => {
    await page.goto(E2E.path('/'));
    const lists = page.locator('.card-distros');
    expect(await lists.count()).toBeGreaterThan(3);
    const lead = page.locator('.lead-story .card-distros');
    const leadNames = await lead.getByRole('link').allTextContents();
    expect(leadNames.length).toBeGreaterThan(1);
    // What a reader sees: the rendered text, with the names in the order of the links.
    expect(await lead.innerText()).toBe(leadNames.join(', '));
    for (const list of await lists.all()) {
      const names = await list.getByRole('link').allTextContents();
      expect(await list.innerText()).toBe(names.join(', '));
    }
  });
});

test.describe('copy button on code blocks', () => {
  const WITH_CODE = E2E.path('/articles/check-el-compatibility-level/');

  test('copies exactly the code shown and says "Copied" through a polite live region', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(WITH_CODE);
    const blocks = page.locator('.article-body pre');
    const n = await blocks.count();
    expect(n).toBeGreaterThan(1);
    const buttons = page.getByRole('button', { name: 'Copy code' });
    await expect(buttons).toHaveCount(n);
    // Each button sits above its own block.
    for (let i = 0; i < n; i++) {
      const button = (await buttons.nth(i).boundingBox())!;
      const pre = (await blocks.nth(i).boundingBox())!;
      expect(button.y + button.height).toBeLessThanOrEqual(pre.y + 1);
    }
    const second = blocks.nth(1);
    const shown = await second.innerText();
    expect(shown.trim().length).toBeGreaterThan(10);
    await buttons.nth(1).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('.code-copy').nth(1)).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trimEnd()).toBe(shown.trimEnd());
    // The keyboard works too, on another block.
    await page.locator('.code-copy').first().focus();
    await page.keyboard.press('Enter');
    const firstShown = (await blocks.first().innerText()).trimEnd();
    await expect
      .poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).trimEnd())
      .toBe(firstShown);
    await context.close();
  });

  test('without JavaScript there is no button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(WITH_CODE);
    expect(await page.locator('.article-body pre').count()).toBeGreaterThan(1);
    await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('release facts box', () => {
  const RELEASE_NEWS = E2E.path('/articles/ubuntu-24-04-lts-released/');
  const HUB = E2E.path('/distros/ubuntu/');

  test('on release news: version, dates and status as the distribution page gives them, each linking to its row', async ({
    page,
  }) => {
    // What the hub's lifecycle table says about the release, read as a reader would.
    await page.goto(HUB);
    const row = page.locator('tr#release-24-04');
    await expect(row).toHaveCount(1);
    const cell = async (label: string) =>
      squash(await row.locator(`td[data-label="${label}"] time`).first().textContent());
    const hub = {
      released: await cell('Released'),
      supportEnd: await cell('Full support ends'),
      eol: await cell('End of life'),
      status: squash(await row.locator('td[data-label="Status"]').textContent()),
      latest: squash(await row.locator('.latest').textContent()),
      asOf: squash(await page.locator('.lifecycle-table caption time').first().textContent()),
    };
    expect(hub.latest).toMatch(/^Latest: 24\.04\.\d+/);

    await page.goto(RELEASE_NEWS);
    const box = page.getByRole('complementary', { name: 'Ubuntu 24.04 LTS (Noble Numbat) at a glance' });
    await expect(box).toBeVisible();
    // Near the top: above the first paragraph of the article text.
    expect((await box.boundingBox())!.y).toBeLessThan(
      (await page.locator('.article-body > p').first().boundingBox())!.y,
    );
    const terms = await box.locator('dt').allTextContents();
    const values = (await box.locator('dd').allTextContents()).map(squash);
    expect(terms).toEqual([
      'Version',
      'Released',
      'Latest point release',
      'Full support ends',
      'End of life',
      `Status on ${hub.asOf}`,
    ]);
    const latest = /^Latest: (\S+?) ?, (.+?)(?: source.*)?$/.exec(hub.latest)!;
    expect(values).toEqual([
      '24.04 LTS (Noble Numbat)',
      hub.released,
      `${latest[1]}, ${latest[2]}`,
      hub.supportEnd,
      hub.eol,
      hub.status,
    ]);
    // Every fact leads to the release's row on the distribution page.
    const links = box.locator('dd a');
    await expect(links).toHaveCount(6);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toBe(`${HUB}#release-24-04`);
    }
    await links.nth(4).click();
    await expect(page).toHaveURL(`${E2E.origin}${HUB}#release-24-04`);
    await expect(page.locator('tr#release-24-04')).toBeInViewport();
  });

  test('only on articles tied to a release', async ({ page }) => {
    await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
    await expect(page.locator('.release-facts')).toHaveCount(0);
  });
});

test('sources read "Title, Publisher, date" with no space before a comma', async ({ page }) => {
  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  const items = page.locator('#sources-title + ol > li');
  expect(await items.count()).toBeGreaterThan(10);
  for (const item of await items.all()) {
    // The text on screen: without the hint that only screen readers get.
    const shown = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
      return copy.textContent;
    };
    const title = squash(await item.getByRole('link').evaluate(shown));
    const text = squash(await item.evaluate(shown));
    expect(text.startsWith(title)).toBe(true);
    expect(text).not.toContain(' ,');
    expect(text.slice(title.length)).toMatch(/^, \S/);
  }
});
