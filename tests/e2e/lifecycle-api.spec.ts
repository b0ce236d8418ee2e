/**
 * The machine-readable lifecycle surfaces as a client sees them over HTTP: the JSON API validated file by file
 * against the JSON Schema it serves (ajv), and the lifecycle-event feeds parsed as feed readers parse them.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { E2E } from './env.ts';
import { dayOf, distroFacts } from './distro-data.ts';

const SITE = 'https://downstream.example';
const facts = distroFacts();
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});
const iso = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : false);
/** A URL the API publishes, as a path on the server under test. */
const local = (u: string) => {
  expect(u.startsWith(`${SITE}${E2E.base}`), u).toBe(true);
  return u.slice(SITE.length);
};

async function get(request: APIRequestContext, path: string, type: RegExp) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type'], path).toMatch(type);
  return res.text();
}

test('every API file validates against the served JSON Schema and matches the database', async ({ request }) => {
  const schema = JSON.parse(await get(request, E2E.path('/api/v1/schema.json'), /application\/json/));
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.$id).toBe(`${SITE}${E2E.path('/api/v1/schema.json')}`);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const check = (path: string, body: unknown) =>
    expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);

  const indexPath = E2E.path('/api/v1/distributions.json');
  const index = JSON.parse(await get(request, indexPath, /application\/json/));
  check(indexPath, index);
  expect(index.apiVersion).toBe(1);
  expect(index.schema).toBe(schema.$id);
  expect(index.distributions.map((d: { id: string }) => d.id)).toEqual(facts.map((d) => d.id));
  const now = dayOf(index.generated);

  for (const d of index.distributions) {
    const doc = JSON.parse(await get(request, local(d.api), /application\/json/));
    check(d.api, doc);
    expect(doc).toEqual({ apiVersion: 1, generated: index.generated, schema: schema.$id, ...d });
    const cycles = JSON.parse(await get(request, local(d.cycles), /application\/json/));
    check(d.cycles, cycles);
    expect(cycles).toEqual(doc.releases);

    // The dates are the database's, in endoflife.date's vocabulary, newest first.
    const f = facts.find((x) => x.id === d.id)!;
    const releases = [...f.releases].sort((a, b) => b.released.getTime() - a.released.getTime());
    expect(
      cycles.map((c: Record<string, unknown>) => [c.cycle, c.releaseDate, c.support, c.eol, c.lts]),
      d.id,
    ).toEqual(
      releases.map((r) => [
        r.version,
        iso(r.released),
        iso(r.supportEnd ?? r.eol),
        iso(r.eol ?? r.supportEnd),
        r.lts ?? false,
      ]),
    );
    for (const c of cycles) {
      expect(c.status === 'eol').toBe(c.eol !== false && dayOf(c.eol) <= now);
      expect(c.link).toMatch(new RegExp(`^${SITE}${E2E.path(`/distros/${d.id}/`)}#release-[a-z0-9-]+$`));
    }
  }
});

test('an API link leads to the row it names', async ({ page, request }) => {
  const doc = JSON.parse(await get(request, E2E.path('/api/v1/distributions/ubuntu.json'), /json/));
  const release = doc.releases[0];
  await page.goto(local(release.link));
  await expect(page.locator('.lifecycle-table tr:target th')).toContainText(`Ubuntu ${release.cycle}`);
});

for (const [dir, only] of [
  ['/lifecycles/', null],
  ['/distros/debian/lifecycle/', 'Debian GNU/Linux'],
] as const) {
  test(`lifecycle-event feeds in ${dir}: past events only, newest first, stable GUIDs, same items in all formats`, async ({
    request,
  }) => {
    const index = JSON.parse(await get(request, E2E.path('/api/v1/distributions.json'), /json/));
    const now = dayOf(index.generated);
    const scope = only ? facts.filter((d) => d.name === only) : facts;
    const past = scope
      .flatMap((d) =>
        d.releases.flatMap((r) => [
          r.released,
          ...(r.supportEnd && r.eol ? [r.supportEnd] : []),
          ...((r.eol ?? r.supportEnd) ? [(r.eol ?? r.supportEnd)!] : []),
        ]),
      )
      .filter((t) => t <= now);

    const rssXml = await get(request, E2E.path(`${dir}feed.xml`), /xml/);
    expect(SyntaxValidator.validate(rssXml)).toBe(true);
    const channel = parser.parse(rssXml).rss.channel;
    expect(channel['atom:link']['@href']).toBe(`${SITE}${E2E.path(`${dir}feed.xml`)}`);
    const items = channel.item as { title: string; guid: { '#text': string }; pubDate: string; link: string[] }[];
    expect(items.length).toBe(Math.min(30, past.length));
    const dates = items.map((i) => new Date(i.pubDate).getTime());
    expect(dates.every((t) => t <= now.getTime())).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const guids = items.map((i) => i.guid['#text']);
    expect(new Set(guids).size).toBe(guids.length);
    for (const g of guids) {
      expect(g).toMatch(
        /^tag:downstream\.example,\d{4}-\d{2}-\d{2}:lifecycle\/[a-z0-9-]+\/[^/]+\/(release|support-end|eol)$/,
      );
    }
    if (only) for (const i of items) expect(i.title.startsWith(only)).toBe(true);
    for (const i of items) expect(i.link[0]).toMatch(new RegExp(`^${SITE}${E2E.base}distros/[a-z0-9-]+/#release-`));

    const atomXml = await get(request, E2E.path(`${dir}atom.xml`), /xml/);
    expect(SyntaxValidator.validate(atomXml)).toBe(true);
    expect(parser.parse(atomXml).feed.entry.map((e: { id: string }) => e.id)).toEqual(guids);
    const json = JSON.parse(await get(request, E2E.path(`${dir}feed.json`), /json/));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(guids);
  });
}
