import { expect, test } from '@playwright/test';
import { E2E } from './env.ts';

/** What the shipped nginx configuration (deploy/nginx) sends, on the real server under the subpath. */
test('HTML responses carry the security headers and revalidate', async ({ request }) => {
  for (const path of ['/', '/articles/almalinux-abi-compatibility/', '/search/', '/distros/almalinux/']) {
    const res = await request.get(E2E.path(path));
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(h['content-security-policy']).not.toContain('unsafe-inline');
    expect(h['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['cache-control']).toBe('no-cache');
    // The page's own CSP <meta> is there too, with hashes, and never allows inline script or style.
    const html = await res.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toContain("'unsafe-inline'");
    expect(meta).not.toContain("'unsafe-eval'");
  }
});

test('hashed assets are immutable for a year; Pagefind files without a hash revalidate', async ({ request, page }) => {
  await page.goto(E2E.path('/search/'));
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const cssRes = await request.get(css!);
  expect(cssRes.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(cssRes.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const entry = await request.get(E2E.path('/pagefind/pagefind.js'));
  expect(entry.headers()['cache-control']).toBe('no-cache');
  const meta = await request.get(E2E.path('/pagefind/pagefind-entry.json'));
  expect(meta.headers()['cache-control']).toBe('no-cache');
  const entryJson = await meta.json();
  const lang = Object.values(entryJson.languages as Record<string, { hash: string; wasm: string }>)[0]!;
  // The wasm file's name has no hash: an immutable copy would outlive the Pagefind version that reads it.
  const wasm = await request.get(E2E.path(`/pagefind/wasm.${lang.wasm}.pagefind`));
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()['cache-control']).toBe('no-cache');
  const chunk = await request.get(E2E.path(`/pagefind/pagefind.${lang.hash}.pf_meta`));
  expect(chunk.status()).toBe(200);
  expect(chunk.headers()['cache-control']).toBe('no-cache');
});

test('unknown URLs get the 404 page with a 404 status and working links', async ({ page }) => {
  const res = await page.goto(E2E.path('/distros/no-such-distro/'));
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All distributions' }).click();
  await expect(page.locator('h1')).toHaveText('Distributions');
});

test('assets, feeds and search work under the subpath', async ({ request }) => {
  for (const [path, type] of [
    ['/feed.xml', /xml/],
    ['/feed.json', /json/],
    ['/releases.ics', /text\/calendar/],
    ['/favicon.svg', /image\/svg\+xml/],
    ['/theme.js', /javascript/],
    ['/pagefind/pagefind.js', /javascript/],
  ] as const) {
    const res = await request.get(E2E.path(path));
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }
  // Nothing is served outside the base path.
  expect((await request.get('/feed.xml')).status()).toBe(404);
});
