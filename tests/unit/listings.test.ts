import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { relatedIndex, seriesNeighbours } from '../../src/lib/related.ts';
import { lineageEdges, lineageOf } from '../../src/lib/lineage.ts';
import { groupByMonth } from '../../src/lib/archive.ts';
import { calendar, calendarOf, eventSection, releaseEvents } from '../../src/lib/calendar.ts';
import { atom, entryGuid, feedRoutes, jsonFeed, rss, type FeedEntry, type FeedMeta } from '../../src/lib/feeds.ts';
import { absolutizeHtml } from '../../src/lib/absolute-html.ts';
import { lifecycleChart, type ChartBar } from '../../src/lib/lifecycle-chart.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('related coverage', () => {
  const items = [
    { id: 'a', pubDate: d('2024-01-01'), distros: ['almalinux', 'rhel'], topics: ['compatibility'] },
    { id: 'b', pubDate: d('2024-01-10'), distros: ['almalinux'], topics: ['releases'] },
    { id: 'c', pubDate: d('2019-01-10'), distros: ['almalinux'], topics: ['releases'] },
    { id: 'd', pubDate: d('2024-01-05'), distros: ['debian'], topics: ['compatibility'] },
    { id: 'e', pubDate: d('2024-01-02'), distros: ['debian'], topics: ['desktop'] },
    { id: 's', pubDate: d('2024-01-03'), distros: ['almalinux'], topics: ['compatibility'], series: 'x' },
  ];
  const related = relatedIndex(items);
  it('prefers shared distributions, then topics, and recent over old', () => {
    // c shares the main distribution but is five years older: halved five times, it falls below d's shared topic.
    expect(related(items[0]!, 5).map((r) => r.id)).toEqual(['s', 'b', 'd', 'c']);
  });
  it('never lists the article itself or unrelated ones, and leaves series neighbours to the series box', () => {
    const s = { ...items[5]!, series: 'x' };
    const withSeries = relatedIndex([
      ...items.slice(0, 5),
      s,
      { id: 't', pubDate: d('2024-01-04'), distros: ['almalinux'], topics: ['compatibility'], series: 'x' },
    ]);
    const ids = withSeries(s, 10).map((r) => r.id);
    expect(ids).not.toContain('s');
    expect(ids).not.toContain('t');
    expect(ids).not.toContain('e');
  });
  it('finds previous and next in a series', () => {
    const n = seriesNeighbours([{ id: '1' }, { id: '2' }, { id: '3' }], '2');
    expect([n.index, n.previous?.id, n.next?.id]).toEqual([1, '1', '3']);
    expect(seriesNeighbours([{ id: '1' }], '1').next).toBeUndefined();
  });
});

describe('lineage', () => {
  const edges = lineageEdges([
    { id: 'almalinux', basedOn: [], rebuiltFrom: 'rhel', upstream: 'centos-stream' },
    { id: 'rhel', basedOn: [], upstream: 'centos-stream' },
    { id: 'centos-stream', basedOn: ['fedora'] },
    { id: 'fedora', basedOn: [] },
  ]);
  it('goes both ways', () => {
    expect(lineageOf('rhel', edges).children.map((e) => [e.from, e.relation])).toEqual([['almalinux', 'rebuilt from']]);
    expect(lineageOf('centos-stream', edges).children.map((e) => e.from)).toEqual(['almalinux', 'rhel']);
    expect(lineageOf('centos-stream', edges).parents.map((e) => e.to)).toEqual(['fedora']);
  });
});

describe('archive grouping', () => {
  it('groups newest year and month first', () => {
    const g = groupByMonth(
      [d('2024-06-30'), d('2024-06-01'), d('2024-01-15'), d('2023-12-31')].map((pubDate) => ({ data: { pubDate } })),
    );
    expect(g.map((y) => [y.year, y.count, y.months.map((m) => m.month)])).toEqual([
      [2024, 3, [6, 1]],
      [2023, 1, [12]],
    ]);
  });
});

describe('release calendar', () => {
  const ics = calendar(
    'Test',
    releaseEvents(
      {
        id: 'almalinux',
        name: 'AlmaLinux OS',
        url: 'https://x.example/distros/almalinux/',
        releases: [{ version: '8', released: d('2021-03-30'), supportEnd: d('2024-05-31'), eol: d('2029-05-31') }],
      },
      'x.example',
      d('2026-11-25'),
    ),
  );
  it('parses with ical.js into all-day events with stable UIDs and a fixed DTSTAMP', () => {
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString()])).toEqual([
      ['almalinux-8-release@x.example', '2021-03-30'],
      ['almalinux-8-support-end@x.example', '2024-05-31'],
      ['almalinux-8-eol@x.example', '2029-05-31'],
    ]);
    expect(ics).toContain('DTSTAMP:20261125T000000Z');
  });
  it('joins per-distribution sections into the same document as one calendar of all their events', () => {
    const distro = (id: string, name: string, version: string, released: string) =>
      releaseEvents(
        { id, name, url: `https://x.example/distros/${id}/`, releases: [{ version, released: d(released) }] },
        'x.example',
        d('2026-11-25'),
      );
    const [a, b] = [
      distro('almalinux', 'AlmaLinux OS', '8', '2021-03-30'),
      distro('debian', 'Debian', '12', '2023-06-10'),
    ];
    const joined = calendarOf('All', [eventSection(a), eventSection(b), eventSection([])]);
    expect(joined).toBe(calendar('All', [...a, ...b]));
    const events = new ICAL.Component(ICAL.parse(joined)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['AlmaLinux OS 8 released', 'Debian 12 released']);
    expect(calendarOf('None', [])).toBe(calendar('None', []));
  });
});

describe('feeds', () => {
  const meta: FeedMeta = {
    title: 'Test',
    description: 'Test feed',
    homeUrl: 'https://x.example/d/',
    urls: {
      rss: 'https://x.example/d/feed.xml',
      atom: 'https://x.example/d/atom.xml',
      json: 'https://x.example/d/feed.json',
    },
    now: d('2026-11-25'),
    siteUrl: 'https://x.example/d/',
    iconUrl: 'https://x.example/d/og/default.png',
  };
  const entry: FeedEntry = {
    id: entryGuid('https://x.example/d/', 'a-b', d('2024-01-02')),
    url: 'https://x.example/d/articles/a-b/',
    title: 'A & B <tags>',
    summary: 'Sum',
    html: '<p>Hello <a href="https://x.example/d/distros/x/">x</a></p>',
    published: d('2024-01-02'),
    updated: d('2024-01-03'),
    authors: ['News Desk, Downstream'],
    tags: ['AlmaLinux OS'],
  };
  it('GUIDs are tag URIs that depend only on the site, the date and the id', () => {
    expect(entry.id).toBe('tag:x.example,2024-01-02:articles/a-b');
  });
  it('RSS and Atom are well-formed XML with escaped titles and self links', () => {
    for (const [xml, self] of [
      [rss(meta, [entry]), 'feed.xml'],
      [atom(meta, [entry]), 'atom.xml'],
    ] as const) {
      expect(SyntaxValidator.validate(xml)).toBe(true);
      expect(xml).toMatch(
        new RegExp(
          `href="https://x\\.example/d/${self.replace('.', '\\.')}" rel="self"|rel="self" href="https://x\\.example/d/${self.replace('.', '\\.')}"`,
        ),
      );
    }
    const item = new XMLParser().parse(rss(meta, [entry])).rss.channel.item;
    expect(item.title).toBe('A & B <tags>');
  });
  it('RSS and Atom give a reader every entry field back, in order, even with "]]>" and & in the text', () => {
    const tricky: FeedEntry = {
      ...entry,
      title: 'Close ]]> twice ]]> & more',
      summary: 'Tom & Jerry <b>',
      html: '<pre><code>a]]>b]]>c</code></pre>',
      authors: ['News Desk, Downstream', 'Tools Desk, Downstream'],
      tags: ['AlmaLinux OS', 'Fish & Chips'],
      image: 'https://x.example/d/og/articles/a-b.png',
    };
    const second: FeedEntry = {
      ...entry,
      id: entryGuid('https://x.example/d/', 'c', d('2024-01-05')),
      title: 'Second',
    };
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (n, _path, _leaf, isAttribute) => !isAttribute && n !== 'rss',
    });
    for (const xml of [rss(meta, [tricky, second]), atom(meta, [tricky, second])])
      expect(SyntaxValidator.validate(xml)).toBe(true);

    const channel = parser.parse(rss(meta, [tricky, second])).rss.channel[0];
    expect(channel.title[0]).toBe('Test · Downstream');
    expect(channel.lastBuildDate[0]).toBe('Wed, 03 Jan 2024 00:00:00 GMT');
    const [item, next] = channel.item;
    expect(item.title[0]).toBe(tricky.title);
    expect(item.description[0]).toBe(tricky.summary);
    expect(item['content:encoded'][0]).toBe(tricky.html);
    expect(item.guid[0]).toEqual({ '#text': tricky.id, '@isPermaLink': 'false' });
    expect(item.author).toEqual(tricky.authors);
    expect(item.category).toEqual(tricky.tags);
    expect(item.enclosure[0]).toMatchObject({ '@url': tricky.image, '@type': 'image/png' });
    expect(next.title[0]).toBe('Second');

    const feed = parser.parse(atom(meta, [tricky, second])).feed[0];
    expect(feed.updated[0]).toBe('2024-01-03T00:00:00.000Z');
    const [e, f] = feed.entry;
    expect(e.title[0]['#text']).toBe(tricky.title);
    expect(e.content[0]['#text']).toBe(tricky.html);
    expect(e.author.map((a: { name: string[] }) => a.name[0])).toEqual(tricky.authors);
    expect(e.category.map((c: Record<string, string>) => c['@label'])).toEqual(tricky.tags);
    expect(e.link.map((l: Record<string, string>) => l['@href'])).toEqual([tricky.url, tricky.image]);
    expect(f.title[0]['#text']).toBe('Second');
  });
  it('JSON Feed is version 1.1 with content_html and RFC 3339 dates', () => {
    const f = JSON.parse(jsonFeed(meta, [entry]));
    expect(f.version).toBe('https://jsonfeed.org/version/1.1');
    expect(f.items[0]).toMatchObject({
      id: entry.id,
      content_html: entry.html,
      date_published: '2024-01-02T00:00:00.000Z',
      date_modified: '2024-01-03T00:00:00.000Z',
    });
  });
  it('routes every format of every scope to the feed files of its listing, scope by scope', () => {
    const scopes = [{ dir: '/' }, { dir: '/distros/debian/lifecycle/' }];
    const routes = feedRoutes(scopes, (scope) => scope.dir, 'lifecycleFeed');
    expect(routes.map((r) => [r.params.lifecycleFeed, r.props.format.id, r.props.scope.dir])).toEqual([
      ['feed.xml', 'rss', '/'],
      ['atom.xml', 'atom', '/'],
      ['feed.json', 'json', '/'],
      ['distros/debian/lifecycle/feed.xml', 'rss', '/distros/debian/lifecycle/'],
      ['distros/debian/lifecycle/atom.xml', 'atom', '/distros/debian/lifecycle/'],
      ['distros/debian/lifecycle/feed.json', 'json', '/distros/debian/lifecycle/'],
    ]);
    expect(feedRoutes([], (scope: { dir: string }) => scope.dir, 'feed')).toEqual([]);
  });
  it.each([false, true])('absolutizes every relative URL and drops heading anchors (in place: %s)', (serialized) => {
    const html = absolutizeHtml(
      '<h2 id="s">S<a class="heading-anchor" href="#s">#</a></h2><a href="/d/x/">x</a><img src="../y.png" alt="y"><a href="#s">s</a><a href="mailto:a@b">m</a>',
      'https://x.example/d/articles/a/',
      { serialized },
    );
    expect(html).toBe(
      '<h2 id="s">S</h2><a href="https://x.example/d/x/">x</a><img src="https://x.example/d/articles/y.png" alt="y"><a href="https://x.example/d/articles/a/#s">s</a><a href="mailto:a@b">m</a>',
    );
  });
  it('rewrites Markdown HTML in place exactly as the tree pass does, and falls back to it when unsure', () => {
    const page = 'https://x.example/d/articles/a/';
    const inputs = [
      // As our unified pipeline writes it: entities, an anchor with an element inside, a query with &, a video.
      '<h2 id="a-b">A &#x26; B<a class="heading-anchor" href="#a-b" aria-label="Link"><span aria-hidden="true">#</span></a></h2>\n<p>See <a href="/d/x/?a=1&#x26;b=2" title="x > y">x</a>, <img src="y.png" alt="a &#x22;y&#x22;"> and <video poster="p.jpg" src="https://v.example/v.mp4"></video>.</p>',
      // Not in hast-util-to-html's form: single quotes and a self-closed void element.
      "<p><a href='/d/q/'>q</a><br/><img src='z.png' alt=''></p>",
    ];
    for (const html of inputs)
      expect(absolutizeHtml(html, page, { serialized: true })).toBe(absolutizeHtml(html, page));
    expect(absolutizeHtml(inputs[0]!, page, { serialized: true })).toBe(
      '<h2 id="a-b">A &#x26; B</h2>\n<p>See <a href="https://x.example/d/x/?a=1&#x26;b=2" title="x > y">x</a>, <img src="https://x.example/d/articles/a/y.png" alt="a &#x22;y&#x22;"> and <video poster="https://x.example/d/articles/a/p.jpg" src="https://v.example/v.mp4"></video>.</p>',
    );
  });
});

describe('lifecycle chart geometry', () => {
  it('draws one row per release, newest on top, with a today line and a security-only bar', () => {
    const c = lifecycleChart(
      [
        { version: '8', released: d('2021-03-30'), supportEnd: d('2024-05-31'), eol: d('2029-05-31') },
        { version: '9', released: d('2022-05-26'), supportEnd: d('2027-05-31'), eol: d('2032-05-31') },
      ],
      d('2026-11-25'),
    )!;
    expect(c.bars.map((b) => b.version)).toEqual(['9', '8']);
    expect(c.bars[1]!.security!.x).toBeCloseTo(c.bars[1]!.full.x + c.bars[1]!.full.width, 5);
    expect(c.now!.x).toBeGreaterThan(c.bars[1]!.security!.x);
    expect(c.bars.map((b) => b.status)).toEqual(['supported', 'security']);
    expect(lifecycleChart([], d('2026-11-25'))).toBeNull();
  });
  it('ends a bar with no published end date in an arrowhead at the right edge; dated bars have none', () => {
    const c = lifecycleChart(
      [
        { version: '43', released: d('2025-10-28') },
        { version: '42', released: d('2025-04-15'), eol: d('2026-12-09') },
      ],
      d('2026-11-25'),
    )!;
    const [open, dated] = c.bars as [ChartBar, ChartBar];
    expect([open.openEnded, dated.openEnded]).toEqual([true, false]);
    expect(dated.arrow).toBeUndefined();
    expect(open.arrow!.x).toBeCloseTo(open.full.x + open.full.width, 5);
    expect(open.arrow!.x + open.arrow!.width).toBeCloseTo(c.plot.right, 5);
  });
});
