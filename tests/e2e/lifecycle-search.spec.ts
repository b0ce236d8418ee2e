import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { dayOf, distroFacts } from './distro-data.ts';

/**
 * Distribution hubs and release rows are search results of their own kind: a release name or "end of life" finds
 * the row, the result says when the release's support ends, and following it lands on the row on the hub.
 */
const SEARCH = E2E.path('/search/');
const results = (page: Page) => page.locator('[data-search-results] > li');
const facts = distroFacts();
const ubuntu = facts.find((d) => d.id === 'ubuntu')!;
const noble = ubuntu.releases.find((r) => r.version === '24.04')!;
const longDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);

/** The build clock, as the hub's lifecycle table states it. */
async function buildDate(page: Page): Promise<Date> {
  await page.goto(E2E.path('/distros/ubuntu/'));
  return dayOf((await page.locator('.lifecycle-table caption time').first().getAttribute('datetime'))!);
}

async function searchFor(page: Page, q: string) {
  await page.getByLabel('Search terms').fill(q);
  await expect(page.locator('[data-search-status]')).toContainText(`for “${q}”`);
}

test('searching "Ubuntu 24.04" lists the release first, with its end of standard support', async ({ page }) => {
  const now = await buildDate(page);
  // Until then the next date that matters is the end of full (standard) support; the result says it.
  expect(noble.supportEnd!.getTime()).toBeGreaterThan(now.getTime());
  await page.goto(SEARCH);
  await searchFor(page, 'Ubuntu 24.04');
  const first = results(page).first();
  await expect(first.locator('h3 a')).toHaveText('Ubuntu 24.04 LTS');
  await expect(first.locator('.result-kind')).toHaveText('Release');
  await expect(first.locator('.key-date')).toHaveText(`Full support ends ${longDate(noble.supportEnd!)}`);
  await expect(first.locator('.key-date time')).toHaveAttribute(
    'datetime',
    noble.supportEnd!.toISOString().slice(0, 10),
  );
  await expect(first.locator('.meta')).toContainText('Ubuntu');
  await expect(first.locator('.excerpt mark').first()).toHaveText(/ubuntu|24\.04/i);

  // Following it lands on the hub, under the base path, with the release's row in view and its dates readable.
  await first.locator('h3 a').click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.origin}${E2E.path('/distros/ubuntu/')}[^#]*#release-24-04$`));
  const row = page.locator('.lifecycle-table tr:target');
  await expect(row).toBeInViewport();
  await expect(row.locator('.version-name')).toContainText('Ubuntu 24.04');
  await expect(row.locator('td[data-label="Full support ends"]')).toContainText(longDate(noble.supportEnd!));
  await expect(row.locator('td[data-label="End of life"]')).toContainText(longDate(noble.eol!));
});

test('searching "end of life" finds release rows, each linking to its row on a hub', async ({ page }) => {
  await page.goto(SEARCH);
  await searchFor(page, 'end of life');
  const releases = results(page).filter({ has: page.locator('.result-kind', { hasText: /^Release$/ }) });
  await expect(releases.first()).toBeVisible();
  const names = facts.flatMap((d) => d.releases.map((r) => `${d.name} ${r.version}${r.lts ? ' LTS' : ''}`));
  for (const link of await releases.locator('h3 a').all()) {
    expect(names).toContain(await link.textContent());
    await expect(link).toHaveAttribute('href', new RegExp(`^${E2E.path('/distros/')}[a-z0-9-]+/[^#]*#release-`));
  }
});

test.use({ viewport: { width: 1280, height: 900 } });

test('the Kind facet narrows to releases, distributions or articles', async ({ page }) => {
  await page.goto(SEARCH);
  await searchFor(page, 'Debian');
  const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: /^Kind$/ }) });
  await expect(facet.locator('li')).toHaveCount(3);
  expect((await facet.locator('li').allTextContents()).map((t) => t.replace(/ \(\d+\)$/, '')).sort()).toEqual([
    'Article',
    'Distribution',
    'Release',
  ]);
  const countOf = async (kind: string) =>
    Number(/\((\d+)\)/.exec((await facet.locator('li', { hasText: kind }).textContent())!)![1]);

  const releases = await countOf('Release');
  const distributions = await countOf('Distribution');
  expect(releases).toBeGreaterThan(0);
  expect(distributions).toBeGreaterThan(0);
  await facet.getByLabel(/^Release/).check();
  await expect(page).toHaveURL(/kind=Release/);
  await expect(page.locator('[data-search-status]')).toContainText(`${releases} result`);
  const shown = results(page);
  await expect(shown.first()).toBeVisible();
  await expect(shown.locator('.result-kind')).toHaveText(Array((await shown.count()) as number).fill('Release'));

  await facet.getByLabel(/^Release/).uncheck();
  await facet.getByLabel(/^Distribution/).check();
  await expect(page).toHaveURL(/kind=Distribution/);
  await expect(page.locator('[data-search-status]')).toContainText(`${distributions} result`);
  const hubs = results(page).locator('h3 a');
  await expect(hubs.first()).toBeVisible();
  for (const href of await hubs.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(new RegExp(`^${E2E.path('/distros/')}[a-z0-9-]+/(\\?[^#]*)?$`));
  }
  await expect(results(page).locator('.result-kind').first()).toHaveText('Distribution');
  await expect(hubs.filter({ hasText: /^Debian GNU\/Linux$/ })).toHaveCount(1);

  await facet.getByLabel(/^Distribution/).uncheck();
  await facet.getByLabel(/^Article/).check();
  await expect(page).toHaveURL(/kind=Article/);
  await expect(results(page).first()).toBeVisible();
  // Articles keep their own furniture: a publication date and their type, no kind label.
  await expect(results(page).locator('.result-kind')).toHaveCount(0);
  await expect(results(page).first().locator('.meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('the header search shows a release as a release with its key date, and opens its row', async ({ page }) => {
  const now = await buildDate(page);
  expect(noble.supportEnd!.getTime()).toBeGreaterThan(now.getTime());
  await page.goto(E2E.path('/'));
  await page.locator('#header-q').fill('Ubuntu 24.04');
  const option = page.locator('#quick-listbox [role="option"]', {
    has: page.locator('.quick-title', { hasText: /^Ubuntu 24\.04 LTS$/ }),
  });
  await expect(option).toBeVisible();
  await expect(option.locator('.quick-meta')).toHaveText(
    `Release · Full support ends ${longDate(noble.supportEnd!)} · Ubuntu`,
  );
  await option.click();
  await expect(page).toHaveURL(new RegExp(`${E2E.path('/distros/ubuntu/')}[^#]*#release-24-04$`));
  await expect(page.locator('.lifecycle-table tr:target')).toBeInViewport();
});

test('sorted by date, the results are articles only, and the status line says why', async ({ page }) => {
  await page.goto(`${SEARCH}?q=${encodeURIComponent('Ubuntu 24.04')}&sort=newest`);
  const status = page.locator('[data-search-status]');
  await expect(status).toContainText('articles only: distributions and releases have no date to sort by');
  await expect(results(page).first()).toBeVisible();
  await expect(results(page).locator('.result-kind')).toHaveCount(0);
  await page.getByLabel('Sort by').selectOption('relevance');
  await expect(status).not.toContainText('articles only');
  await expect(results(page).first().locator('h3 a')).toHaveText('Ubuntu 24.04 LTS');
});
