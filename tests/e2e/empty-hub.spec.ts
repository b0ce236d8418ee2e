import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, fixtureContent } from '../build/fixture.ts';
import { startNginx, type NginxSite } from './nginx.ts';

/**
 * A distribution nobody has written about yet: its hub says so and announces no feed. The real content may cover
 * every distribution one day, so this builds the fixture site plus a distribution that, by construction, no article
 * names (the fixture articles cover Debian only), and reads both hubs as a visitor.
 */
const PORT = Number(process.env.E2E_EMPTY_HUB_PORT ?? Number(process.env.E2E_PORT ?? 4329) + 20);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SITE = 'https://downstream.example';
const at = (path: string) => `${ORIGIN}/downstream${path}`;

const UNCOVERED = `# Written by tests/e2e/empty-hub.spec.ts: a distribution no fixture article names.
name: Uncovered Fixture Linux
family: independent
description: "A fixture distribution that no article covers, for the empty-hub test."
sponsor: "Fixture"
releaseModel: rolling
website: https://example.org/
sources:
  - title: "Fixture source"
    url: https://example.org/
    publisher: Fixture
`;

let dir = '';
let site: NginxSite | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const fixture = fixtureContent({ 'distros/uncovered.yaml': UNCOVERED });
  dir = fixture.dir;
  const outDir = join(dir, 'dist');
  const r = build(fixture.contentDir, outDir);
  if (!r.ok) throw new Error(`fixture site build failed:\n${r.output.slice(-4000)}`);
  site = startNginx({ port: PORT, base: '/downstream/', dist: outDir });
});

test.afterAll(() => {
  site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The feeds a page announces in its <head>, as absolute URLs under `prefix`. */
function announced(page: Page, prefix: string) {
  return page
    .locator(`head link[rel="alternate"][href^="${SITE}${prefix}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
}

test('a hub with no coverage says so, links and announces no feed, and none is built', async ({ page, request }) => {
  await page.goto(at('/distros/uncovered/'));
  await expect(page.locator('h1')).toHaveText('Uncovered Fixture Linux');
  await expect(page.locator('.page-count')).toHaveText('0 articles');
  await expect(page.locator('.page-head')).toContainText(
    'No coverage of Uncovered Fixture Linux yet, so there is no feed',
  );
  expect(await announced(page, '/downstream/distros/uncovered/')).toEqual([]);
  await expect(page.locator('.feed-links')).toHaveCount(0);
  for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
    expect((await request.get(at(`/distros/uncovered/${feed}`))).status(), feed).toBe(404);
  }
});

test('beside it, a hub with coverage announces its three feeds and says nothing of the kind', async ({
  page,
  request,
}) => {
  await page.goto(at('/distros/debian/'));
  await expect(page.locator('.page-count')).toHaveText(/^\s*[1-9]\d* articles?\s*$/);
  await expect(page.locator('.page-head')).not.toContainText('No coverage');
  const feeds = await announced(page, '/downstream/distros/debian/');
  expect(feeds).toHaveLength(3);
  for (const href of feeds) {
    expect((await request.get(href.replace(SITE, ORIGIN))).status(), href).toBe(200);
  }
  await expect(page.locator('.feed-links')).toHaveCount(1);
});
