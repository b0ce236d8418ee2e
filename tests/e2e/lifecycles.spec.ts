import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { dayOf, distroFacts, type DistroFacts } from './distro-data.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const facts = distroFacts();
type Rel = DistroFacts['releases'][number];
const final = (r: Rel) => r.eol ?? r.supportEnd;
const label = (d: DistroFacts, r: Rel) =>
  `${d.name} ${r.version}${r.lts ? ' LTS' : ''}${r.codename ? ` (${r.codename})` : ''}`;
/** What the status badge must say, from the published dates alone. */
function status(r: Rel, now: Date): string {
  if (r.released > now) return 'Upcoming';
  if (r.eol && r.eol <= now) return 'End of life';
  if (r.supportEnd && r.supportEnd <= now) return r.eol ? 'Security fixes only' : 'End of life';
  return 'Supported';
}
const isCurrent = (r: Rel, now: Date) => status(r, now) !== 'End of life';

/** The build date the page says its statuses are computed against. */
async function buildDate(page: Page): Promise<Date> {
  return dayOf((await page.locator('.page-head time').first().getAttribute('datetime'))!);
}

test('/lifecycles/ puts the end dates of the next 12 months first, soonest first, each linking to its row', async ({
  page,
}) => {
  await page.goto(E2E.path('/lifecycles/'));
  await expect(page.locator('h1')).toHaveText('Release lifecycles');
  const now = await buildDate(page);
  const horizon = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  const expected = facts
    .flatMap((d) =>
      d.releases
        .filter((r) => isCurrent(r, now))
        .flatMap((r) => [
          ...(r.supportEnd && r.eol ? [{ d, r, date: r.supportEnd }] : []),
          ...(final(r) ? [{ d, r, date: final(r)! }] : []),
        ]),
    )
    .filter((e) => e.date > now && e.date <= horizon)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.d.name.localeCompare(b.d.name));

  // The section comes first on the page, before the timeline and the tables.
  await expect(page.locator('main h2')).toHaveText([
    'Ending in the next 12 months',
    'Timeline',
    'Supported releases by distribution',
    'Take these dates with you',
  ]);
  const items = page.locator('.ending-list > li');
  await expect(items.locator('a')).toHaveText(expected.map((e) => label(e.d, e.r)));
  const dates = await items.locator('> time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  expect(dates).toEqual(expected.map((e) => e.date.toISOString().slice(0, 10)));
  expect(expected.length).toBeGreaterThan(0);

  // One click reaches the release's row on its hub, which says when it ends.
  const first = expected[0]!;
  await items.first().locator('a').click();
  await expect(page).toHaveURL(new RegExp(`${E2E.path(`/distros/${first.d.id}/`)}#release-`));
  const row = page.locator('.lifecycle-table tr:target');
  await expect(row).toBeVisible();
  await expect(row.locator('th')).toContainText(`${first.d.name} ${first.r.version}`);
  await expect(row).toContainText(
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      first.date,
    ),
  );
});

test('every current release is on the timeline and in the tables, grouped by distribution', async ({ page }) => {
  await page.goto(E2E.path('/lifecycles/'));
  const now = await buildDate(page);
  const current = facts.filter((d) => d.releases.some((r) => isCurrent(r, now)));
  await expect(page.locator('section.distro h3')).toHaveText(current.map((d) => d.name));
  const svg = page.locator('figure.lifecycle-chart svg[role="img"]');
  await expect(svg).toBeVisible();
  const bars = current.flatMap((d) =>
    d.releases
      .filter((r) => isCurrent(r, now))
      .sort((a, b) => b.released.getTime() - a.released.getTime())
      .map((r) => `${d.name} ${r.version}`),
  );
  await expect(svg.locator('.bar-label')).toHaveText(bars);
  await expect(page.locator('section.distro .lifecycle-table tbody tr')).toHaveCount(bars.length);
  // Distributions without versions are named, not silently dropped.
  for (const d of facts.filter((d) => d.releaseModel === 'rolling' && !d.releases.some((r) => isCurrent(r, now)))) {
    await expect(page.locator('p.others').getByRole('link', { name: d.name, exact: true })).toBeVisible();
  }
});

test('the family filter is plain links and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(E2E.path('/lifecycles/'));
  const now = await buildDate(page);
  const filter = page.getByRole('navigation', { name: 'Filter by family' });
  await expect(filter.getByRole('link', { name: 'All families' })).toHaveAttribute('aria-current', 'page');
  await filter.getByRole('link', { name: /^Debian family/ }).click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/lifecycles/debian/'));
  await expect(page.locator('h1')).toHaveText('Release lifecycles: Debian family');
  await expect(
    page.getByRole('navigation', { name: 'Filter by family' }).getByRole('link', { name: /^Debian family/ }),
  ).toHaveAttribute('aria-current', 'page');
  const debian = facts.filter((d) => d.family === 'debian' && d.releases.some((r) => isCurrent(r, now)));
  await expect(page.locator('section.distro h3')).toHaveText(debian.map((d) => d.name));
  const labels = (await page.locator('.bar-label').allTextContents()).map((l) => l.trim());
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(debian.some((d) => l.startsWith(`${d.name} `))).toBe(true);
  await context.close();
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });
  // axe over a page of dozens of tables is slow on a busy 2-core machine.
  test.describe.configure({ timeout: 90_000 });

  for (const path of ['/lifecycles/', '/distros/ubuntu/', '/distros/debian/', '/lifecycles/red-hat/']) {
    test(`${path}: no horizontal scroll, each release's status beside its version and axe clean`, async ({ page }) => {
      await page.goto(E2E.path(path));
      const now = dayOf((await page.locator('.lifecycle-table caption time').first().getAttribute('datetime'))!);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // One read of every row's layout, then the checks (dozens of rows on the all-distributions page).
      const rows = await page.locator('.lifecycle-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const th = tr.querySelector('th')!.getBoundingClientRect();
          const badge = tr.querySelector('.status')!.getBoundingClientRect();
          return {
            shown: tr.querySelector('.version-name')!.textContent!,
            thBottom: th.bottom,
            badgeTop: badge.top,
            badgeRight: badge.right,
            status: tr.querySelector('.status')!.textContent!.trim(),
            firstLabel: tr.querySelector('td.date')!.getAttribute('data-label'),
          };
        }),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // Fully on screen, and on the version's line rather than at the end of a long row.
        expect(row.badgeRight).toBeLessThanOrEqual(320);
        expect(row.badgeTop).toBeLessThan(row.thBottom);
        // The release this row is about, by the name it shows ("Ubuntu 24.04", then "LTS" for some).
        const shown = row.shown
          .replace(/\s+/g, ' ')
          .replace(/ LTS ?$/, '')
          .trim();
        const matches = facts.flatMap((d) =>
          d.releases.filter((x) => `${d.name} ${x.version}` === shown).map((x) => ({ d, x })),
        );
        expect(matches, shown).toHaveLength(1);
        expect(row.status, shown).toBe(status(matches[0]!.x, now));
        // Each date is labelled where the column header is hidden.
        expect(row.firstLabel).toBe('Released');
      }
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

test('a date the project has not published reads "Not published"', async ({ page }) => {
  const d = facts.find((x) => x.releases.some((r) => !r.eol))!;
  const r = d.releases.find((x) => !x.eol)!;
  await page.goto(E2E.path(`/distros/${d.id}/`));
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = page.locator('.lifecycle-table tbody tr', {
    has: page.locator('.version-name', { hasText: new RegExp(`^\\s*${esc(`${d.name} ${r.version}`)}\\s*(LTS)?\\s*$`) }),
  });
  await expect(row.locator('td[data-label="End of life"]')).toHaveText('Not published');
  await expect(page.locator('main')).not.toContainText('Same as full support');
});

test('every date in a lifecycle table shows where it comes from', async ({ page }) => {
  for (const d of facts.filter((x) => x.releases.length > 0).slice(0, 6)) {
    await page.goto(E2E.path(`/distros/${d.id}/`));
    const cells = page.locator('.lifecycle-table td.date');
    expect(await cells.count()).toBe(d.releases.length * 3);
    for (const cell of await cells.all()) {
      if ((await cell.textContent())!.trim() === 'Not published') continue;
      await expect(cell.locator('a.source')).toHaveAttribute('href', /^https?:\/\//);
    }
  }
});

test('hubs subscribe to calendars with webcal:// and the footer leads to /lifecycles/', async ({ page }) => {
  await page.goto(E2E.path('/distros/debian/'));
  await expect(page.getByRole('link', { name: /subscribe to the Debian GNU\/Linux release calendar/ })).toHaveAttribute(
    'href',
    `webcal://downstream.example${E2E.path('/distros/debian/releases.ics')}`,
  );
  await page.goto(E2E.path('/'));
  await page.locator('footer').getByRole('link', { name: 'Release lifecycles' }).click();
  await expect(page).toHaveURL(E2E.origin + E2E.path('/lifecycles/'));
  await expect(page.getByRole('link', { name: 'subscribe (webcal)' })).toHaveAttribute(
    'href',
    `webcal://downstream.example${E2E.path('/releases.ics')}`,
  );
});
