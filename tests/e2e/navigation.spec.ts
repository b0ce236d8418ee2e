import { expect, test } from '@playwright/test';
import { E2E } from './env.ts';

test('from an article to its distribution hub, a topic page and through pagination', async ({ page }) => {
  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  await page.locator('.article-head .tags').getByRole('link', { name: 'AlmaLinux OS' }).click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/distros/almalinux/'));
  await expect(page.locator('h1')).toHaveText('AlmaLinux OS');
  // Lineage both ways, lifecycle chart and table with computed statuses.
  await expect(page.locator('.facts').getByRole('link', { name: 'Red Hat Enterprise Linux' })).toBeVisible();
  await expect(page.locator('figure.lifecycle-chart svg[role="img"]')).toBeVisible();
  await expect(page.locator('.lifecycle-table tbody tr')).not.toHaveCount(0);
  await expect(page.locator('.lifecycle-table .status').first()).toHaveText(
    /Supported|Security fixes only|End of life/,
  );

  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  await page.locator('.article-head .tags').getByRole('link', { name: 'Compatibility' }).click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/topics/compatibility/'));
  await expect(page.locator('.card-list a[href*="/articles/"]').first()).toBeVisible();

  // The biggest topic has more than one page; pages are stable, numbered URLs.
  await page.goto(E2E.path('/news/'));
  const next = page.locator('a[rel="next"]');
  await expect(next).toBeVisible();
  const firstPage = await page.locator('.card-list h3 a').allTextContents();
  await next.click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/news/2/'));
  const secondPage = await page.locator('.card-list h3 a').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
  await expect(page.locator('.pagination [aria-current="page"]')).toContainText('2');
});

test('a series lists its articles in order with previous and next', async ({ page }) => {
  await page.goto(E2E.path('/articles/almalinux-announces-abi-compatibility/'));
  const nav = page.locator('nav.series-nav');
  await expect(nav).toContainText('The RHEL source change and its aftermath');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  const order = await nav.locator('ol li').allTextContents();
  expect(order.length).toBeGreaterThan(2);
  const nextLink = nav.locator('a[rel="next"]');
  const nextTitle = (await nextLink.textContent())!.replace('Next:', '').trim();
  await nextLink.click();
  await expect(page.locator('h1')).toHaveText(nextTitle);
  await expect(page.locator('nav.series-nav a[rel="prev"]')).toContainText('AlmaLinux');
  await page.locator('nav.series-nav h2 a').click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/series/rhel-source-change/'));
  const dates = await page
    .locator('.series-list time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect([...dates].sort()).toEqual(dates);
});

test('an article shows related coverage that shares its distributions', async ({ page }) => {
  await page.goto(E2E.path('/articles/rocky-linux-10-released/'));
  const related = page.locator('.related li a');
  await expect(related).not.toHaveCount(0);
  expect(await related.count()).toBeLessThanOrEqual(4);
});

test('the distributions index groups by family and shows lineage', async ({ page }) => {
  await page.goto(E2E.path('/distros/'));
  const redHat = page.locator('section.family', { has: page.getByRole('heading', { name: 'Red Hat family' }) });
  await expect(redHat.getByRole('link', { name: 'AlmaLinux OS' })).toBeVisible();
  const ubuntu = page.locator('.distro-card', { has: page.getByRole('heading', { name: 'Ubuntu', exact: true }) });
  await expect(ubuntu.locator('.lineage')).toContainText('Based on');
});

test('the dated archive leads from a year to a month', async ({ page }) => {
  await page.goto(E2E.path('/archive/'));
  await page.getByRole('link', { name: '2024', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('2024');
  await page.locator('.archive-month h2 a').first().click();
  await expect(page.locator('h1')).toContainText('2024');
  await expect(page.locator('.card-list li').first()).toBeVisible();
});
