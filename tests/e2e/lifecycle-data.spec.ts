import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { E2E } from './env.ts';

test.describe('lifecycle dates in articles come from the distribution database', () => {
  test('the 2026 calendar dates the Debian 12 handover on the day Debian gives (11 July)', async ({ page }) => {
    await page.goto(E2E.path('/articles/linux-end-of-life-calendar-2026/'));
    const entry = page.locator('.timeline__entry', { hasText: 'Debian 12 "bookworm" regular security support ends' });
    await expect(entry.locator('time.timeline__date')).toHaveText('11 July 2026');
    await expect(entry.locator('time.timeline__date')).toHaveAttribute('datetime', '2026-07-11');
    // The same date in the running text, and no trace of the contradicting 12 July.
    await expect(page.locator('.article-body')).toContainText(
      'gives 11 July 2026 as the end of regular security support',
    );
    await expect(page.locator('.article-body')).not.toContainText('12 July');
    // Between the end of regular security support and the end of LTS: security fixes only, dated by the build.
    await expect(page.locator('.article-body')).toContainText(
      /Bookworm[’']s status in our database is now (security fixes only|end of life) \(as of \d{1,2} \w+ \d{4}\)\./,
    );
    // "Ends in" is computed at the build date and keeps the date itself machine-readable.
    const endsIn = page.locator('.article-body time[datetime="2027-05-31"]', { hasText: /^end(s in|ed) / });
    await expect(endsIn).toHaveText(/^(ends in \d+ (months?|days?)|ends today|ended \d+ (months?|days?) ago)$/);
  });

  test("the 2026 calendar dates the end of openSUSE Leap 15.6 from the database (30 April, openSUSE's day)", async ({
    page,
  }) => {
    await page.goto(E2E.path('/articles/linux-end-of-life-calendar-2026/'));
    const entry = page.locator('.timeline__entry', { hasText: 'openSUSE Leap 15.6 reaches the end' });
    await expect(entry.locator('time.timeline__date')).toHaveText('30 April 2026');
    await expect(entry.locator('time.timeline__date')).toHaveAttribute('datetime', '2026-04-30');
    await expect(page.locator('.article-body')).toContainText('it also moved the end of 15.6 to 30 April 2026, so');
    await expect(page.locator('.article-body')).not.toContainText('as reported at the time');
  });

  test('the lifecycle guide gives four years of RHEL ELS and the database dates in its table', async ({ page }) => {
    await page.goto(E2E.path('/articles/how-to-read-a-distribution-lifecycle/'));
    const body = page.locator('.article-body');
    await expect(body).not.toContainText('up to two years');
    const rhel9 = body.locator('tr', { hasText: 'RHEL 9' });
    await expect(rhel9.locator('td')).toHaveText([
      'RHEL 9',
      '18 May 2022',
      '31 May 2027',
      '31 May 2032',
      '31 May 2036',
    ]);
    await expect(body).toContainText('31 May 2029 as the end of RHEL 7 ELS');
    await expect(body).toContainText(/\(the latest for Debian 12 is 12\.15 \(11 July 2026\)\)/);
  });

  test('the editors page lists unverified dates, is noindex and stays out of the sitemap', async ({
    page,
    request,
  }) => {
    await page.goto(E2E.path('/editors/lifecycle-review/'));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('h1')).toHaveText('Lifecycle dates to review');
    const leap = page.locator('tbody tr', { hasText: 'openSUSE Leap 16.0' }).filter({ hasText: 'End of life' });
    await expect(leap.locator('td').nth(1)).toHaveText('2027-10-31');
    await expect(leap.locator('td').nth(2)).toHaveText('never');
    // Not in the sitemap, so the site-wide axe run does not reach it: check it here, at phone width too.
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(violations.map((v) => `${width}px ${v.id}: ${v.nodes.length}`)).toEqual([]);
    }
    const sitemap = await (await request.get(E2E.path('/sitemap-0.xml'))).text();
    expect(sitemap).toContain('/articles/');
    expect(sitemap).not.toContain('/editors/');
  });
});
