/**
 * Subscribing as a reader does it: the feeds page (help, groups, visible addresses, copy buttons, webcal links),
 * the OPML list, series feeds and the /series/ index, and no empty feed announced anywhere. Feeds are parsed with
 * real parsers (fast-xml-parser, JSON.parse, ical.js) and fetched from the served build.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import ICAL from 'ical.js';
import { E2E } from './env.ts';
import { sitemapPaths } from './sitemap.ts';

const SITE = 'https://downstream.example';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'outline', 'link'].includes(name),
});

/** A site URL (absolute, on the configured site) as the path the e2e server serves it at. */
const served = (absolute: string) => {
  const u = new URL(absolute);
  expect(u.origin, absolute).toBe(SITE);
  return u.pathname;
};

/** Fetches a feed from the build, parses it with a real parser and returns its item links. */
async function feedItems(request: APIRequestContext, absolute: string): Promise<string[]> {
  const res = await request.get(served(absolute));
  expect(res.status(), absolute).toBe(200);
  const text = await res.text();
  if (absolute.endsWith('.json')) {
    const feed = JSON.parse(text) as { version: string; items: { url: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    return feed.items.map((i) => i.url);
  }
  expect(SyntaxValidator.validate(text), absolute).toBe(true);
  const doc = parser.parse(text);
  if (doc.rss) return (doc.rss.channel.item ?? []).map((i: { link: string[] }) => i.link[0]);
  type Link = { '@href': string; '@rel'?: string };
  return (doc.feed.entry ?? []).map(
    (e: { link: Link[] }) => e.link.find((l) => (l['@rel'] ?? 'alternate') === 'alternate')!['@href'],
  );
}

const addresses = (page: Page, scope = 'main') =>
  page.locator(`${scope} [data-copy-url]`).evaluateAll((els) => els.map((e) => e.textContent!.trim()));

test.describe('the feeds page', () => {
  test('explains feeds first, then lists every group of feeds under its own heading', async ({ page }) => {
    await page.goto(E2E.path('/feeds/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feeds and calendars');
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual([
      'New to feeds?',
      'Every feed at once',
      'Whole site',
      'Sections',
      'Distributions',
      'Topics',
      'Series',
      'Lifecycle events',
      'Desks',
      'Release calendars',
    ]);
    const help = page.locator('section', { has: page.getByRole('heading', { name: 'New to feeds?' }) });
    await expect(help.locator('dt')).toHaveText(['What a feed is', 'How to subscribe', 'Which format', 'Calendars']);
    await expect(help).toContainText('feed reader');
    await expect(help).toContainText('webcal://');
    // Long groups start folded, and their summary says how many feeds they hold.
    const distros = page.locator('[data-feed-group="distro"]');
    const count = await distros.locator('[data-feed]').count();
    await expect(distros.locator('summary')).toHaveText(`Show the ${count} distribution feeds`);
    await expect(distros.locator('[data-feed]').first()).toBeHidden();
  });

  test('every listed feed exists in the build and has items, in all three formats', async ({ page, request }) => {
    await page.goto(E2E.path('/feeds/'));
    const feeds = await page.locator('main [data-feed]').evaluateAll((els) =>
      els.map((li) => ({
        name: li.querySelector('.feed-name')!.textContent!.trim(),
        urls: [...li.querySelectorAll('.feed-formats [data-copy-url]')].map((c) => c.textContent!.trim()),
      })),
    );
    expect(feeds.length).toBeGreaterThan(30);
    for (const feed of feeds) {
      expect(
        feed.urls.map((u) => u.split('/').at(-1)),
        feed.name,
      ).toEqual(['feed.xml', 'atom.xml', 'feed.json']);
      const items = await Promise.all(feed.urls.map((u) => feedItems(request, u)));
      for (const [i, list] of items.entries()) expect(list.length, feed.urls[i]).toBeGreaterThan(0);
      // The three formats carry the same items.
      expect(items[1], feed.name).toEqual(items[0]);
      expect(items[2], feed.name).toEqual(items[0]);
    }
  });

  test('each format link goes to the address shown beside it, and the page announces the OPML list', async ({
    page,
  }) => {
    await page.goto(E2E.path('/feeds/'));
    const pairs = await page
      .locator('main .feed-formats li')
      .evaluateAll((els) =>
        els.map((li) => [(li.querySelector('a') as HTMLAnchorElement).href, li.querySelector('code')!.textContent]),
      );
    for (const [href, shown] of pairs) expect(new URL(href!).pathname).toBe(new URL(shown!).pathname);
    const opml = page.locator('head link[rel="alternate"][type="text/x-opml"]');
    await expect(opml).toHaveAttribute('href', `${SITE}${E2E.path('/feeds.opml')}`);
    await expect(page.getByRole('link', { name: 'Download the OPML list' })).toHaveAttribute(
      'href',
      E2E.path('/feeds.opml'),
    );
  });

  test('calendars offer webcal:// beside the https address, and both name a real calendar', async ({
    page,
    request,
  }) => {
    await page.goto(E2E.path('/feeds/'));
    const calendars = await page.locator('main [data-calendar]').evaluateAll((els) =>
      els.map((li) => ({
        name: li.querySelector('.feed-name')!.textContent!.trim(),
        links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!),
        shown: li.querySelector('code')!.textContent!.trim(),
      })),
    );
    expect(calendars[0]!.name).toBe('All distributions');
    expect(calendars.length).toBeGreaterThan(5);
    for (const c of calendars) {
      expect(c.shown).toMatch(new RegExp(`^${SITE}${E2E.base}(distros/[a-z0-9-]+/)?releases\\.ics$`));
      expect(c.links).toEqual([c.shown.replace(/^https:/, 'webcal:'), served(c.shown)]);
      const res = await request.get(served(c.shown));
      expect(res.status(), c.shown).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(await res.text()));
      expect(cal.getAllSubcomponents('vevent').length, c.name).toBeGreaterThan(0);
    }
  });

  test('copy buttons name their feed, copy the address and announce it politely', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E.origin });
    await page.goto(E2E.path('/feeds/'));
    const shown = await addresses(page);
    await expect(page.locator('main button.copy-url')).toHaveCount(shown.length);
    // The distributions group starts folded: open it as a reader would, and copy the first one's Atom address.
    const group = page.locator('[data-feed-group="distro"]');
    await group.locator('summary').click();
    const name = (await group.locator('.feed-name').first().textContent())!.trim();
    const atom = group.locator('[data-feed]').first().locator('[data-copy-url]').nth(1);
    const address = (await atom.textContent())!.trim();
    expect(address).toMatch(new RegExp(`^${SITE}${E2E.base}distros/[a-z0-9-]+/atom\\.xml$`));
    const button = atom.locator('xpath=following-sibling::button[1]');
    await expect(button).toHaveAccessibleName(`Copy URL of ${name} coverage (Atom)`);
    await button.click();
    await expect(button).toHaveText(`Copied URL of ${name} coverage (Atom)`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    const status = page.locator('[data-copy-status]');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveText(`Copied the URL of ${name} coverage (Atom)`);
  });

  test('without JavaScript there is no button, and every address is visible, selectable text', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(E2E.path('/feeds/'));
    await expect(page.locator('button.copy-url')).toHaveCount(0);
    const first = page.locator('main [data-copy-url]').first();
    await expect(first).toBeVisible();
    await expect(first).toHaveText(`${SITE}${E2E.path('/feeds.opml')}`);
    expect(await first.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: every group open, axe finds nothing and nothing overflows at 320 px`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(E2E.path('/feeds/'));
      for (const summary of await page.locator('main summary').all()) await summary.click();
      await expect(page.locator('main details:not([open])')).toHaveCount(0);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
      }));
      expect(widths.doc).toBeLessThanOrEqual(widths.view);
    });
  }
});

test.describe('the OPML list', () => {
  test('is OPML 2.0 listing exactly the feeds page’s feeds, once each in RSS, each built with items', async ({
    page,
    request,
  }) => {
    const res = await request.get(E2E.path('/feeds.opml'));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/x-opml/);
    const text = await res.text();
    expect(SyntaxValidator.validate(text)).toBe(true);
    const opml = parser.parse(text).opml;
    expect(opml['@version']).toBe('2.0');
    expect(opml.head.title).toBe('Downstream: every feed');

    await page.goto(E2E.path('/feeds/'));
    const groupTitles = await page
      .locator('main [data-feed-group]:not([data-feed-group="calendars"]) h2')
      .allTextContents();
    const groups = opml.body.outline as { '@text': string; outline: Record<string, string>[] }[];
    expect(groups.map((g) => g['@text'])).toEqual(groupTitles);

    const listed = groups.flatMap((g) => g.outline);
    const pageRss = (await addresses(page, 'main .feed-formats')).filter((u) => u.endsWith('/feed.xml'));
    expect(listed.map((o) => o['@xmlUrl'])).toEqual(pageRss);
    for (const o of listed) {
      expect(o['@type']).toBe('rss');
      expect(o['@text']).not.toBe('');
      expect((await feedItems(request, o['@xmlUrl']!)).length, o['@xmlUrl']).toBeGreaterThan(0);
      expect((await request.get(served(o['@htmlUrl']!))).status(), o['@htmlUrl']).toBe(200);
    }
  });
});

test.describe('no empty feed is announced', () => {
  const hubs = sitemapPaths().filter((p) => /\/distros\/[a-z0-9-]+\/$/.test(p));

  test('a hub with coverage announces feeds with items; one without says so and has no feed', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    let empty = 0;
    for (const hub of hubs) {
      await page.goto(hub);
      const count = Number(/^(\d+)/.exec((await page.locator('.page-count').textContent())!.trim())![1]);
      const announced = await page
        .locator(`head link[rel="alternate"][href^="${SITE}${hub}"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
      if (count === 0) {
        empty++;
        const name = (await page.locator('h1').textContent())!.trim();
        await expect(page.locator('.page-head')).toContainText(`No coverage of ${name} yet, so there is no feed`);
        expect(announced, hub).toEqual([]);
        await expect(page.locator('.feed-links')).toHaveCount(0);
        expect((await request.get(`${hub}feed.xml`)).status(), `${hub}feed.xml`).toBe(404);
      } else {
        expect(announced, hub).toHaveLength(3);
        for (const href of announced) expect((await feedItems(request, href)).length, href).toBeGreaterThan(0);
      }
    }
    // Whether today's content has a hub with no coverage is up to the editors; tests/e2e/empty-hub.spec.ts tests that
    // branch on a fixture distribution no article names, so it stays tested when every distribution has coverage.
    test.info().annotations.push({ type: 'hubs with no coverage', description: String(empty) });
  });
});

test.describe('series', () => {
  test('the index lists every series with its count and newest date, newest first', async ({ page }) => {
    await page.goto(E2E.path('/series/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Series');
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    const rows = await page.locator('.series-index > li').evaluateAll((els) =>
      els.map((li) => ({
        name: li.querySelector('h2')!.textContent!.trim(),
        href: li.querySelector('h2 a')!.getAttribute('href')!,
        meta: li.querySelector('.meta')!.textContent!.trim(),
        newest: li.querySelector('time')?.getAttribute('datetime'),
      })),
    );
    expect(rows.length).toBeGreaterThan(1);
    const dates = rows.map((r) => r.newest!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const row of rows) {
      await page.goto(row.href);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(row.name);
      const cards = page.locator('.series-list > li');
      const count = await cards.count();
      expect(row.meta).toMatch(new RegExp(`^${count} articles?, newest `));
      const newest = (await cards.locator('time').evaluateAll((t) => t.map((e) => e.getAttribute('datetime')!)))
        .sort()
        .at(-1);
      expect(row.newest).toBe(newest);
      // Back to the index from the breadcrumb.
      const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Series' });
      await expect(crumb).toHaveAttribute('href', E2E.path('/series/'));
    }
    await page.goto(E2E.path('/'));
    await expect(page.locator('footer').getByRole('link', { name: 'Series', exact: true })).toHaveAttribute(
      'href',
      E2E.path('/series/'),
    );
  });

  test('a series page announces its feeds, links them, and they hold the series’ articles newest first', async ({
    page,
    request,
  }) => {
    const path = E2E.path('/series/rhel-source-change/');
    await page.goto(path);
    const articles = await page
      .locator('.series-list > li h2 a')
      .evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const announced = await page
      .locator('head link[rel="alternate"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('type'), e.getAttribute('href')]));
    expect(announced.slice(0, 3)).toEqual([
      ['application/rss+xml', `${SITE}${path}feed.xml`],
      ['application/atom+xml', `${SITE}${path}atom.xml`],
      ['application/feed+json', `${SITE}${path}feed.json`],
    ]);
    const visible = page.locator('.page-head .feed-links a');
    await expect(visible).toHaveText([
      'RSS feed of The RHEL source change and its aftermath',
      'Atom feed of The RHEL source change and its aftermath',
      'JSON Feed of The RHEL source change and its aftermath',
    ]);
    for (const [, href] of announced.slice(0, 3)) {
      const items = (await feedItems(request, href!)).map((u) => served(u));
      // The page reads oldest first (reading order); the feed is newest first.
      expect(items).toEqual([...articles].reverse());
    }
  });
});
