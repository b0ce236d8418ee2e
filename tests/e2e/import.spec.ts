import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runImport } from '../../scripts/import/import.ts';
import { build } from '../build/fixture.ts';
import { startNginx, type NginxSite } from './nginx.ts';
import { hostPolicy } from '../../src/integrations/host/policy.ts';
import { nginxLocations, nginxMaps, nginxSecuritySnippet } from '../../src/integrations/host/nginx.ts';
import { legacyQueryRedirects, legacyRedirects } from '../../src/lib/redirects.ts';
import { remoteImageHosts } from '../../src/lib/remote-images.ts';

/**
 * The whole migration path: import the three synthetic fixture archives into a fixture site, build it, serve it
 * with nginx and the shipped config, and read it as a visitor: pages, search, old URLs.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/import');
const PORT = Number(process.env.E2E_IMPORT_PORT ?? Number(process.env.E2E_PORT ?? 4329) + 10);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const at = (path: string) => `${ORIGIN}/downstream${path}`;

let dir: string;
let outDir: string;
let content: string;
let site: NginxSite | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'downstream-import-e2e-'));
  content = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  const common = { contentDir: content, today: '2026-11-20', force: false };
  runImport({
    ...common,
    from: 'wordpress',
    prefix: 'wordpress',
    input: join(FIX, 'wordpress/export.xml'),
    uploads: join(FIX, 'wordpress/uploads'),
  });
  runImport({ ...common, from: 'jekyll', prefix: 'jekyll', input: join(FIX, 'jekyll') });
  runImport({ ...common, from: 'hugo', prefix: 'hugo', input: join(FIX, 'hugo/content') });
  // The WordPress fixture shows one remote image; the newsroom allows its host (the CSP follows).
  writeFileSync(join(content, 'remote-images.yaml'), 'hosts: [images.example.net]\n');
  outDir = join(dir, 'dist');
  const r = build(content, outDir);
  if (!r.ok) throw new Error(`fixture site build failed:\n${r.output.slice(-4000)}`);
  // The nginx configuration a newsroom generates for this content (npm run deploy:config -- --out): redirects included.
  const policy = hostPolicy({
    site: 'https://downstream.example',
    base: '/downstream/',
    redirects: legacyRedirects(content),
    queryRedirects: legacyQueryRedirects(content),
    imageHosts: remoteImageHosts(content),
  });
  site = startNginx({
    port: PORT,
    base: '/downstream/',
    dist: outDir,
    locations: nginxLocations(policy),
    securitySnippet: nginxSecuritySnippet(policy),
    httpConfig: nginxMaps(policy),
  });
});

test.afterAll(() => {
  site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an imported article renders with its provenance, caption, local image and no third-party content', async ({
  page,
}) => {
  await page.goto(at('/articles/wordpress/mirror-layout/'));
  await expect(page.locator('h1')).toHaveText('Synthetic mirror layout explained');
  const provenance = (await page.locator('.provenance').innerText()).replace(/\s+/g, ' ').trim();
  expect(provenance).toBe(
    'Originally published by Test Writer One (CC BY 4.0); imported from the WordPress archive on 20 November 2026. Original page: https://news.example.org/2019/03/mirror-layout/ (external site)',
  );
  const img = page.locator('.article-body img').first();
  await expect(img).toHaveAttribute('src', /^\/downstream\/_astro\/.+\.webp$/);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('.article-body em', { hasText: 'The made-up mirror layout' })).toBeVisible();
  await expect(page.locator('.article-body')).toContainText('mirror.example.org::synthetic/README');
  await expect(page.locator('.article-body')).toContainText('🎉');
});

test('embeds are static link cards and raw HTML links get the same processing as Markdown ones', async ({ page }) => {
  const thirdParty: string[] = [];
  page.on('request', (r) => {
    // Remote images are allowed per host (site setting); anything else from elsewhere would be an embed leaking.
    if (!r.url().startsWith(ORIGIN) && r.resourceType() !== 'image') thirdParty.push(r.url());
  });
  await page.goto(at('/articles/wordpress/video-roundup/'));
  const cards = page.locator('.article-body .embed-card');
  await expect(cards).toHaveCount(4);
  await expect(cards.first().getByRole('link')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=SynthVid001');
  await expect(cards.first().getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer external');
  await expect(page.locator('iframe, .article-body script')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'mirror layout post' })).toHaveAttribute(
    'href',
    '/downstream/articles/wordpress/mirror-layout/',
  );

  await page.goto(at('/articles/jekyll/kramdown-quirks/'));
  // Written as raw HTML in the Jekyll post: the base path comes from our link plugin.
  await expect(page.getByRole('link', { name: 'Raw HTML link to the second post' })).toHaveAttribute(
    'href',
    '/downstream/articles/jekyll/second-post/',
  );
  await expect(page.getByRole('link', { name: 'an outside page' })).toHaveAttribute(
    'rel',
    'noopener noreferrer external',
  );
  await expect(page.locator('.article-body')).not.toContainText('{:');
  expect(thirdParty).toEqual([]);
});

test('the allowed remote image host is in the CSP of the page and of the host; the image is requested from it', async ({
  page,
}) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith('https://images.example.net/')) remote.push(r.url());
  });
  const res = await page.goto(at('/articles/wordpress/video-roundup/'));
  expect(res?.headers()['content-security-policy']).toContain("img-src 'self' data: https://images.example.net;");
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
    'content',
    /img-src 'self' data: https:\/\/images\.example\.net;/,
  );
  await expect.poll(() => remote).toEqual(['https://images.example.net/photos/synthetic-rack.jpg']);
});

test('search finds imported titles', async ({ page }) => {
  await page.goto(at('/search/'));
  for (const title of [
    'Synthetic mirror layout explained',
    'A synthetic tour of Hugo shortcodes',
    'Kramdown quirks in a synthetic post',
  ]) {
    await page.getByLabel('Search terms').fill(title);
    await expect(page.locator('[data-search-results] h3 a', { hasText: title }).first()).toBeVisible();
  }
});

test('drafts stay unpublished', async ({ request }) => {
  for (const path of [
    '/articles/wordpress/pending-review/',
    '/articles/jekyll/unpublished/',
    '/articles/hugo/draft-post/',
  ])
    expect((await request.get(at(path))).status(), path).toBe(404);
});

test('every old URL answers 301 with the new URL', async ({ request }) => {
  const cases: [string, string][] = [
    ['/2019/03/mirror-layout/', '/articles/wordpress/mirror-layout/'],
    ['/2019/06/%C3%A9t%C3%A9-notes/', '/articles/wordpress/ete-notes/'],
    ['/2019/05/01/kramdown-quirks/', '/articles/jekyll/kramdown-quirks/'],
    ['/special/shared-path/', '/articles/jekyll/permalink-a/'],
    ['/old/owner/', '/articles/jekyll/permalink-a/'],
    ['/posts/shortcode-tour/', '/articles/hugo/shortcode-tour/'],
    ['/2020/02/shortcode-tour.html', '/articles/hugo/shortcode-tour/'],
    ['/legacy/shared/', '/articles/hugo/dup-url-a/'],
  ];
  for (const [from, to] of cases) {
    const r = await request.get(at(from), { maxRedirects: 0 });
    expect(r.status(), from).toBe(301);
    expect(new URL(r.headers().location ?? '', ORIGIN).pathname, from).toBe(`/downstream${to}`);
    expect(r.headers()['content-security-policy'], `${from} carries the security headers`).toBeTruthy();
  }
});

test('old WordPress short links /?p=<id> answer 301 with the article URL; other ids and the bare home page do not', async ({
  request,
}) => {
  const cases: [string, string][] = [
    ['/?p=11', '/articles/wordpress/mirror-layout/'],
    ['/index.php?p=20', '/articles/wordpress/video-roundup/'],
    ['/?utm_source=feed&p=40', '/articles/wordpress/ete-notes/'],
  ];
  for (const [from, to] of cases) {
    const r = await request.get(at(from), { maxRedirects: 0 });
    expect(r.status(), from).toBe(301);
    expect(r.headers().location, from).toBe(`https://downstream.example/downstream${to}`);
    expect(r.headers()['content-security-policy'], `${from} carries the security headers`).toBeTruthy();
  }
  // A draft's id (50) and an unknown id serve the home page, as does the base path without a query.
  for (const path of ['/?p=50', '/?p=999', '/'])
    expect((await request.get(at(path), { maxRedirects: 0 })).status(), path).toBe(200);
});

test('hosts without redirect rules get a static redirect page; Netlify and Cloudflare get _redirects', () => {
  const page = readFileSync(join(outDir, '2019/05/01/kramdown-quirks/index.html'), 'utf8');
  expect(page).toContain('<meta http-equiv="refresh" content="0; url=/downstream/articles/jekyll/kramdown-quirks/">');
  expect(page).toContain(
    '<link rel="canonical" href="https://downstream.example/downstream/articles/jekyll/kramdown-quirks/">',
  );
  const netlify = readFileSync(join(outDir, '_redirects'), 'utf8');
  expect(netlify).toMatch(
    /^\/downstream\/2020\/02\/shortcode-tour\.html\s+https:\/\/downstream\.example\/downstream\/articles\/hugo\/shortcode-tour\/\s+301$/m,
  );
});

test('npm run check:dist applies the relaxed policy to imported articles exactly as the build did', () => {
  test.setTimeout(300_000);
  const checkDist = (contentDir: string) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/check-dist.ts'), outDir, '--content', contentDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  // The build passed with legacy images without alt text in imported articles: so does check:dist, listing them.
  const ok = checkDist(content);
  expect(ok.stderr + ok.stdout).toMatch(/legacy issue\(s\) in imported articles, allowed by the relaxed policy/);
  expect(ok.stderr).toMatch(
    /^ {2}articles\/jekyll\/kramdown-quirks\/index\.html:\d+: \[images\] <img src="[^"]+"> has no alt text$/m,
  );
  expect(ok.status, ok.stderr.slice(-3000)).toBe(0);
  // Without the importer's manifest nothing may claim the policy: the same images fail, and each false claim is named.
  const forged = join(dir, 'content-no-manifest');
  cpSync(content, forged, { recursive: true });
  rmSync(join(forged, 'imports/jekyll/manifest.json'));
  const bad = checkDist(forged);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(
    /articles\/jekyll\/kramdown-quirks\.md: imported: is only for articles written by `npm run import`/,
  );
  expect(bad.stderr).toMatch(
    /^articles\/jekyll\/kramdown-quirks\/index\.html:\d+: \[images\] <img src="[^"]+"> has no alt text$/m,
  );
  expect(bad.stderr).not.toMatch(/^articles\/wordpress\/[^:]+:\d+: \[images\]/m);
});
