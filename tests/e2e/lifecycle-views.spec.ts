import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { dayOf, distroFacts, type DistroFacts } from './distro-data.ts';

const facts = distroFacts();
type Rel = DistroFacts['releases'][number];
const longDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
/** "24.04" → "24-04", as in the row ids of lifecycle tables. */
const slug = (version: string) =>
  version
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The size labels are drawn at on screen: the computed font size times the SVG's scale to CSS pixels. */
function renderedSizes(texts: Locator): Promise<number[]> {
  return texts.evaluateAll((els) =>
    els.map((t) => {
      const m = (t as SVGGraphicsElement).getScreenCTM()!;
      return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    }),
  );
}

test.describe('the lifecycle timeline on a phone (320 px)', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  for (const path of ['/lifecycles/', '/distros/ubuntu/']) {
    test(`${path}: labels stay at least 12 px and the drawing scrolls in its own focusable region`, async ({
      page,
    }) => {
      await page.goto(E2E.path(path));
      const figure = page.locator('figure.lifecycle-chart').first();
      const region = figure.locator('.chart-scroll');
      await expect(region).toHaveAttribute('role', 'region');
      await expect(region).toHaveAccessibleName((await figure.locator('svg title').textContent())!);

      const labels = await renderedSizes(figure.locator('.bar-label'));
      const years = await renderedSizes(figure.locator('.axis text'));
      expect(labels.length).toBeGreaterThan(0);
      test.info().annotations.push({
        type: `${path} smallest label at 320 px (CSS px)`,
        description: Math.min(...labels, ...years).toFixed(1),
      });
      for (const size of [...labels, ...years]) expect(size).toBeGreaterThanOrEqual(12);
      // Every label is drawn in full: none is clipped at the drawing's left edge.
      const clipped = await figure
        .locator('.bar-label')
        .evaluateAll(
          (ts, svgLeft) => ts.filter((t) => t.getBoundingClientRect().left < (svgLeft as number) - 0.5).length,
          (await figure.locator('.chart-scroll svg').boundingBox())!.x,
        );
      expect(clipped).toBe(0);

      // The page itself never scrolls sideways; the drawing does, inside its region, from the keyboard too.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const { scrollWidth, clientWidth } = await region.evaluate((r) => ({
        scrollWidth: r.scrollWidth,
        clientWidth: r.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      await region.focus();
      await expect(region).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
      await expect(figure.locator('figcaption')).toContainText('Scroll the timeline sideways');
    });
  }
});

test.describe('the lifecycle timeline on a wide screen (1280 px)', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('fits its column without scrolling, labels unchanged in size, no scroll hint', async ({ page }) => {
    await page.goto(E2E.path('/lifecycles/'));
    const figure = page.locator('figure.lifecycle-chart').first();
    const region = figure.locator('.chart-scroll');
    expect(await region.evaluate((r) => r.scrollWidth <= r.clientWidth)).toBe(true);
    for (const size of await renderedSizes(figure.locator('.bar-label'))) expect(size).toBeGreaterThanOrEqual(12);
    await expect(figure.locator('.scroll-hint')).toBeHidden();
  });
});

/** The build clock, as /lifecycles/ states it. */
async function buildDate(page: Page): Promise<Date> {
  return dayOf((await page.locator('.page-head time').first().getAttribute('datetime'))!);
}

/** What a release's status badge says on `now`, from its published dates alone. */
function supportStatus(r: Rel, now: Date): string {
  if (r.released > now) return 'Upcoming';
  if (r.eol && r.eol <= now) return 'End of life';
  if (r.supportEnd && r.supportEnd <= now) return r.eol ? 'Security fixes only' : 'End of life';
  return 'Supported';
}

/** The dates a release's row must show, as a reader reads them (or "Not published"). */
const endTexts = (r: Rel) => [r.supportEnd, r.eol].map((d) => (d ? longDate(d) : 'Not published'));

test("from the home page, any release's end dates are at most two steps away", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(E2E.path('/lifecycles/'));
  const now = await buildDate(page);
  const withReleases = facts.filter((d) => d.releases.length > 0);
  expect(withReleases.length).toBeGreaterThan(0);
  const checkRow = async (row: Locator, what: string, r: Rel) => {
    await expect(row, what).toBeVisible();
    await expect(row.locator('.version-name'), what).toContainText(what);
    const [supportEnd, eol] = endTexts(r);
    await expect(row.locator('td[data-label="Full support ends"]'), what).toContainText(supportEnd!);
    await expect(row.locator('td[data-label="End of life"]'), what).toContainText(eol!);
  };
  // For every distribution with releases: its newest release (current for most) and its oldest (ended for most).
  for (const d of withReleases) {
    const sorted = [...d.releases].sort((a, b) => a.released.getTime() - b.released.getTime());
    const [oldest, newest] = [sorted[0]!, sorted.at(-1)!];
    await page.goto(E2E.path('/'));
    // Step 1: from the home page's lifecycle panel to every supported release's end dates.
    await page
      .getByRole('complementary', { name: 'Lifecycle watch' })
      .getByRole('link', { name: 'End dates of every supported release' })
      .click();
    await expect(page).toHaveURL(E2E.origin + E2E.path('/lifecycles/'));
    const onOverview = (r: Rel) => page.locator(`.lifecycle-table tr#${d.id}-${slug(r.version)}`);
    for (const r of [newest, oldest]) {
      if (supportStatus(r, now) !== 'End of life') await checkRow(onOverview(r), `${d.name} ${r.version}`, r);
      else await expect(onOverview(r)).toHaveCount(0);
    }
    if (supportStatus(oldest, now) === 'End of life') {
      // Step 2: the distribution's own table of every release, from its heading or the list of those with none current.
      await page
        .locator('main a', { hasText: new RegExp(`^${d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .first()
        .click();
      await expect(page).toHaveURL(E2E.origin + E2E.path(`/distros/${d.id}/#releases`));
      await expect(page.locator('#releases .lifecycle-table')).toBeInViewport();
      await checkRow(
        page.locator(`.lifecycle-table tr#release-${slug(oldest.version)}`),
        `${d.name} ${oldest.version}`,
        oldest,
      );
    }
  }

  // The deadlines on the home page open their release's row directly: one step.
  await page.goto(E2E.path('/'));
  const deadlines = page.getByRole('region', { name: 'Support ending in the next 12 months' }).locator('li');
  if ((await deadlines.count()) > 0) {
    const first = deadlines.first();
    const date = await first.locator('time').getAttribute('datetime');
    const name = (await first.locator('a').textContent())!;
    await first.locator('a').click();
    await expect(page).toHaveURL(/\/distros\/[a-z0-9-]+\/#release-[a-z0-9-]+$/);
    const target = page.locator('.lifecycle-table tr:target');
    await expect(target).toBeInViewport();
    await expect(target.locator('.version-name')).toContainText(name);
    await expect(target).toContainText(longDate(dayOf(date!)));
    expect(dayOf(date!).getTime()).toBeGreaterThan(now.getTime());
  }
});
