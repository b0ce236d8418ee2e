import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import ICAL from 'ical.js';
import { E2E } from './env.ts';

const SITE = 'https://downstream.example';
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
});

async function fetchText(request: APIRequestContext, path: string, type: RegExp) {
  const res = await request.get(E2E.path(path));
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type'], path).toMatch(type);
  return res.text();
}

const absolute = (html: string) => {
  // Every href/src inside the content is absolute.
  const rel = [...html.matchAll(/(?:href|src)="([^"]*)"/g)]
    .map((m) => m[1]!)
    .filter((u) => !/^(https?:|mailto:)/.test(u));
  expect(rel).toEqual([]);
};

for (const scope of ['', 'distros/almalinux/', 'topics/compatibility/', 'news/']) {
  test.describe(`feeds of /${scope}`, () => {
    test('RSS 2.0 parses, links are absolute, GUIDs unique and dates RFC 822', async ({ request }) => {
      const xml = await fetchText(request, `${scope}feed.xml`, /xml/);
      expect(SyntaxValidator.validate(xml)).toBe(true);
      const rss = parser.parse(xml).rss;
      expect(rss['@version']).toBe('2.0');
      const channel = rss.channel;
      const self = channel['atom:link'];
      expect(self['@rel']).toBe('self');
      expect(self['@href']).toBe(`${SITE}${E2E.path(`${scope}feed.xml`)}`);
      expect(channel.item.length).toBeGreaterThan(0);
      const guids = channel.item.map((i: { guid: { '#text': string } }) => i.guid['#text']);
      expect(new Set(guids).size).toBe(guids.length);
      for (const item of channel.item) {
        expect(item.link[0]).toMatch(new RegExp(`^${SITE}${E2E.base}articles/[a-z0-9-]+/$`));
        expect(item.pubDate).toMatch(RFC822);
        expect(item.guid['@isPermaLink']).toBe('false');
        absolute(item['content:encoded']);
        expect(item['content:encoded'].length).toBeGreaterThan(500);
      }
    });

    test('Atom 1.0 parses with self link, unique ids and RFC 3339 dates', async ({ request }) => {
      const xml = await fetchText(request, `${scope}atom.xml`, /xml/);
      expect(SyntaxValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(
        `${SITE}${E2E.path(`${scope}atom.xml`)}`,
      );
      expect(feed.updated).toMatch(RFC3339);
      const ids = feed.entry.map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of feed.entry) {
        expect(e.id).toMatch(/^tag:downstream\.example,\d{4}-\d{2}-\d{2}:articles\/[a-z0-9-]+$/);
        expect(e.updated).toMatch(RFC3339);
        expect(e.published).toMatch(RFC3339);
        absolute(e.content['#text']);
      }
    });

    test('JSON Feed 1.1 has every required field', async ({ request }) => {
      const feed = JSON.parse(await fetchText(request, `${scope}feed.json`, /json/));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(typeof feed.title).toBe('string');
      expect(feed.feed_url).toBe(`${SITE}${E2E.path(`${scope}feed.json`)}`);
      expect(feed.home_page_url).toMatch(/^https:\/\//);
      expect(Array.isArray(feed.items) && feed.items.length > 0).toBe(true);
      const ids = feed.items.map((i: { id: string }) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(typeof item.content_html).toBe('string');
        expect(item.url).toMatch(/^https:\/\//);
        expect(item.date_published).toMatch(RFC3339);
        absolute(item.content_html);
      }
    });
  });
}

test('feeds are the same set of articles in all three formats, newest first', async ({ request }) => {
  const rss = parser
    .parse(await fetchText(request, 'feed.xml', /xml/))
    .rss.channel.item.map((i: { link: string[] }) => i.link[0]);
  const json = JSON.parse(await fetchText(request, 'feed.json', /json/)).items;
  expect(json.map((i: { url: string }) => i.url)).toEqual(rss);
  const dates = json.map((i: { date_published: string }) => i.date_published);
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('pages announce their feeds with <link rel="alternate">', async ({ request }) => {
  const html = await fetchText(request, 'distros/almalinux/', /html/);
  for (const [type, file] of [
    ['application/rss+xml', 'feed.xml'],
    ['application/atom+xml', 'atom.xml'],
    ['application/feed+json', 'feed.json'],
  ]) {
    expect(html).toContain(`type="${type}"`);
    expect(html).toContain(`href="${SITE}${E2E.path(`distros/almalinux/${file}`)}"`);
  }
});

test('release calendars parse with ical.js and carry releases and end-of-life dates', async ({ request }) => {
  const text = await fetchText(request, 'distros/almalinux/releases.ics', /text\/calendar/);
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const eight = events.find((e) => e.summary === 'AlmaLinux OS 8 reaches end of life');
  expect(eight?.startDate.toString()).toBe('2029-05-31');
  expect(eight?.startDate.isDate).toBe(true);
  const uids = events.map((e) => e.uid);
  expect(new Set(uids).size).toBe(uids.length);
  expect(uids).toContain(`almalinux-8-eol@downstream.example`);

  const all = new ICAL.Component(ICAL.parse(await fetchText(request, 'releases.ics', /text\/calendar/)));
  const summaries = all.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
  expect(summaries.some((s) => s.startsWith('Debian'))).toBe(true);
  expect(summaries.length).toBeGreaterThan(events.length);
});

test('JSON-LD on an article and a hub parses and names its type', async ({ request }) => {
  for (const [path, types] of [
    ['articles/almalinux-abi-compatibility/', ['NewsArticle', 'BreadcrumbList']],
    ['articles/check-el-compatibility-level/', ['TechArticle']],
    ['', ['Organization', 'WebSite']],
  ] as const) {
    const html = await fetchText(request, path, /html/);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    const found = blocks.map((b) => b['@type']);
    for (const t of types) expect(found, path).toContain(t);
  }
});

test('sitemap index, robots.txt and the web manifest are served', async ({ request }) => {
  const index = await fetchText(request, 'sitemap-index.xml', /xml/);
  expect(SyntaxValidator.validate(index)).toBe(true);
  const sitemapUrl = parser.parse(index).sitemapindex.sitemap.loc;
  expect(sitemapUrl).toBe(`${SITE}${E2E.path('sitemap-0.xml')}`);
  const urls = parser
    .parse(await fetchText(request, 'sitemap-0.xml', /xml/))
    .urlset.url.map((u: { loc: string }) => u.loc);
  expect(urls).toContain(`${SITE}${E2E.path('articles/almalinux-abi-compatibility/')}`);
  expect(urls).toContain(`${SITE}${E2E.path('distros/almalinux/')}`);
  const robots = await fetchText(request, 'robots.txt', /text\/plain/);
  expect(robots).toContain(`Sitemap: ${SITE}${E2E.path('sitemap-index.xml')}`);
  const manifest = JSON.parse(await fetchText(request, 'manifest.webmanifest', /manifest\+json/));
  expect(manifest.name).toBe('Downstream');
});
