/**
 * What readers can subscribe to: lifecycle and calendar scopes (over a mocked astro:content), the feed directory the
 * feeds page and the OPML list share, the OPML file itself (parsed with a real XML parser), the /series/ index order
 * and the dist check that refuses an announced feed that is missing or empty.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Scope } from '../../src/lib/scopes.ts';

const DISTROS = vi.hoisted(() => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const distro = (id: string, name: string, releases: Record<string, unknown>[]) => ({
    id,
    collection: 'distros',
    data: { name, family: 'debian', releases },
  });
  return [
    distro('debian', 'Debian', [{ version: '12', released: d('2023-06-10'), supportEnd: d('2026-06-10') }]),
    // Announced, not yet released at the build date: no lifecycle event has happened.
    distro('future-os', 'Future OS', [{ version: '1', released: d('2027-03-01') }]),
    distro('arch', 'Arch Linux', []),
  ];
});

vi.mock('astro:content', () => ({
  getCollection: vi.fn(async (name: string) => (name === 'distros' ? [...DISTROS] : [])),
}));

const { calendarScopes, lifecycleScopes } = await import('../../src/lib/scopes.ts');
const { calendarDirectory, feedDirectory } = await import('../../src/lib/feed-directory.ts');
const { renderOpml } = await import('../../src/lib/opml.ts');
const { seriesSummaries } = await import('../../src/lib/series-index.ts');
const { advertisedFeeds, feedItemCount, opmlProblems } = await import('../../src/integrations/checks/rules.ts');
const { indexDist, loadPage } = await import('../../src/integrations/checks/dist-index.ts');

beforeEach(() => {
  vi.stubEnv('BUILD_DATE', '2026-11-25');
});

const SITE = new URL('https://news.example');
const article = (day: string) => ({ data: { pubDate: new Date(`${day}T00:00:00Z`) } }) as Scope['articles'][number];
const scope = (kind: Scope['kind'], id: string, label: string, path: string, days: string[] = ['2026-01-01']) =>
  ({
    kind,
    id,
    title: `${label} coverage`,
    label,
    description: `About ${label} & co.`,
    path,
    articles: days.map(article),
  }) as Scope;

describe('lifecycle and calendar scopes', () => {
  it('has lifecycle feeds only where an event has happened by the build date', async () => {
    const scopes = await lifecycleScopes();
    expect(scopes.map((s) => `${s.id} ${s.label} ${s.dir} ${s.page} ${s.events.length}`)).toEqual([
      'all All distributions /lifecycles/ /lifecycles/ 2',
      'debian Debian /distros/debian/lifecycle/ /distros/debian/ 2',
    ]);
    // Newest first: Debian 12's end of life (its support end, as it has no separate eol), then its release.
    expect(scopes[1]!.events.map((e) => `${e.kind} ${e.date.toISOString().slice(0, 10)}`)).toEqual([
      'eol 2026-06-10',
      'release 2023-06-10',
    ]);
  });

  it('has a calendar for every distribution with releases, future ones included, and one for all', async () => {
    const calendars = calendarDirectory(await calendarScopes());
    expect(calendars).toEqual([
      { label: 'All distributions', path: '/releases.ics' },
      { label: 'Debian', path: '/distros/debian/releases.ics' },
      { label: 'Future OS', path: '/distros/future-os/releases.ics' },
    ]);
  });
});

describe('feed directory', () => {
  const scopes = [
    scope('site', 'all', 'All coverage', '/'),
    scope('distro', 'debian', 'Debian', '/distros/debian/'),
    scope('series', 'arc', 'An arc', '/series/arc/'),
    scope('section', 'news', 'News', '/news/'),
    scope('author', 'news-desk', 'News desk', '/authors/news-desk/'),
  ];

  it('groups feeds in a fixed order, each with its three formats, and leaves empty groups out', async () => {
    const groups = feedDirectory(scopes, await lifecycleScopes());
    expect(groups.map((g) => `${g.title}: ${g.feeds.map((f) => f.label).join(', ')}`)).toEqual([
      'Whole site: All coverage',
      'Sections: News',
      'Distributions: Debian',
      'Series: An arc',
      'Lifecycle events: All distributions, Debian',
      'Desks: News desk',
    ]);
    const debian = groups[2]!.feeds[0]!;
    expect(debian.files.map((f) => `${f.format.label} ${f.path}`)).toEqual([
      'RSS /distros/debian/feed.xml',
      'Atom /distros/debian/atom.xml',
      'JSON Feed /distros/debian/feed.json',
    ]);
    const lifecycle = groups[4]!.feeds[1]!;
    expect([lifecycle.page, lifecycle.files[0]!.path]).toEqual([
      '/distros/debian/',
      '/distros/debian/lifecycle/feed.xml',
    ]);
  });

  it('writes an OPML 2.0 list with one RSS outline per feed, absolute and escaped', async () => {
    const groups = feedDirectory(scopes, await lifecycleScopes());
    const text = renderOpml({ title: 'News: every feed', created: new Date('2026-11-25T00:00:00Z') }, groups, SITE);
    expect(SyntaxValidator.validate(text)).toBe(true);
    const opml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'outline',
    }).parse(text).opml;
    expect(opml.version).toBe('2.0');
    expect(opml.head.title).toBe('News: every feed');
    expect(opml.head.dateCreated).toBe('Wed, 25 Nov 2026 00:00:00 GMT');
    const outlines = opml.body.outline as { text: string; outline: Record<string, string>[] }[];
    expect(outlines.map((o) => o.text)).toEqual(groups.map((g) => g.title));
    const debian = outlines[2]!.outline[0]!;
    expect(debian).toEqual({
      type: 'rss',
      version: 'RSS2',
      text: 'Debian coverage',
      title: 'Debian coverage',
      description: 'About Debian & co.',
      xmlUrl: 'https://news.example/distros/debian/feed.xml',
      htmlUrl: 'https://news.example/distros/debian/',
    });
    expect(text).toContain('description="About Debian &amp; co."');
  });
});

describe('/series/ index', () => {
  it('puts the series with the newest article first, with its count; a series with none comes last', () => {
    const list = seriesSummaries([
      scope('series', 'old', 'Old arc', '/series/old/', ['2024-05-01', '2024-01-01']),
      scope('series', 'empty', 'Empty arc', '/series/empty/', []),
      scope('series', 'new', 'New arc', '/series/new/', ['2025-02-03']),
    ]);
    expect(list.map((s) => `${s.name} ${s.count} ${s.newest?.toISOString().slice(0, 10) ?? '-'}`)).toEqual([
      'New arc 1 2025-02-03',
      'Old arc 2 2024-05-01',
      'Empty arc 0 -',
    ]);
  });
});

describe('dist check: announced feeds exist and have items', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feeds-check-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  const rss = (items: number) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${'<item><title>a</title></item>'.repeat(items)}</channel></rss>`;
  write('feed.xml', rss(2));
  write('distros/debian/feed.xml', rss(0));
  write('atom.xml', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id></entry></feed>');
  write('feed.json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [] }));
  write(
    'index.html',
    `<!doctype html><html lang="en"><head><link rel="canonical" href="https://news.example/site/">
<link rel="alternate" type="application/rss+xml" href="https://news.example/site/feed.xml">
<link rel="alternate" type="application/atom+xml" href="https://news.example/site/atom.xml">
<link rel="alternate" type="application/rss+xml" href="https://news.example/site/distros/debian/feed.xml">
<link rel="alternate" type="text/x-opml" href="https://news.example/site/feeds.opml">
<link rel="alternate" type="text/x-opml" href="https://news.example/site/all.opml">
</head><body><a href="/site/feed.json">JSON Feed</a><a href="/site/topics/x/atom.xml">Atom</a></body></html>`,
  );
  write(
    'feeds.opml',
    '<opml version="2.0"><body><outline type="rss" text="a" xmlUrl="https://news.example/site/feed.xml"/>\n' +
      '<outline type="rss" text="b" xmlUrl="https://news.example/site/distros/debian/feed.xml"/>\n' +
      '<outline type="rss" text="c" xmlUrl="https://elsewhere.example/feed.xml"/></body></opml>',
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the items of RSS, Atom and JSON feeds, and refuses what is none of them', () => {
    expect(feedItemCount(rss(3), 'feed.xml')).toBe(3);
    expect(feedItemCount('<feed><entry></entry><entry xml:lang="en"></entry></feed>', 'atom.xml')).toBe(2);
    expect(feedItemCount('{"items":[{},{}]}', 'feed.json')).toBe(2);
    expect(feedItemCount('<html></html>', 'feed.xml')).toBe(-1);
    expect(feedItemCount('not json', 'feed.json')).toBe(-1);
  });

  it('names each empty, missing or unlisted feed a page announces or links, with its line', () => {
    const site = indexDist(dir, '/site/');
    const problems = advertisedFeeds(loadPage(site, 'index.html'), site);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '4: advertises the feed /site/distros/debian/feed.xml, which has no items: do not link or announce an empty feed',
      '6: advertises /site/all.opml, which is not in the build',
      '7: advertises the feed /site/feed.json, which has no items: do not link or announce an empty feed',
      '7: advertises the feed /site/topics/x/atom.xml, which is not in the build',
    ]);
  });

  it('names each feed in the OPML list that is empty or not on the site', () => {
    const site = indexDist(dir, '/site/');
    expect(opmlProblems(site, 'https://news.example').map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'feeds.opml:2: advertises the feed /site/distros/debian/feed.xml, which has no items: do not link or announce an empty feed',
      'feeds.opml:3: lists https://elsewhere.example/feed.xml, which is not on https://news.example',
    ]);
  });
});
