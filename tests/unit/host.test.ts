import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apacheHtaccess } from '../../src/integrations/host/apache.ts';
import { checkHost } from '../../src/integrations/host/check.ts';
import { EXAMPLE_DEPLOY, serverConfigFiles } from '../../src/integrations/host/files.ts';
import { headersFile, redirectsFile } from '../../src/integrations/host/netlify.ts';
import {
  CACHE,
  SECURITY_HEADERS,
  cacheControlFor,
  contentTypeFor,
  fileHeaders,
  hostPolicy,
} from '../../src/integrations/host/policy.ts';

const policy = hostPolicy({
  ...EXAMPLE_DEPLOY,
  redirects: [{ from: '/2019/05/old.html', to: '/articles/new/' }],
});

describe('host policy', () => {
  it('is immutable only for content-hashed folders, never for Pagefind files without a hash', () => {
    expect(cacheControlFor('_astro/Base.a1b2c3.css')).toBe(CACHE.immutable);
    expect(cacheControlFor('pagefind/fragment/en_1a2b3c.pf_fragment')).toBe(CACHE.immutable);
    expect(cacheControlFor('pagefind/index/en_1a2b3c.pf_index')).toBe(CACHE.immutable);
    for (const unhashed of [
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/pagefind.en_f2dba02797.pf_meta',
      'articles/x/',
      'feed.xml',
      '404.html',
    ]) {
      expect(cacheControlFor(unhashed), unhashed).toBe(CACHE.revalidate);
    }
  });
  it('names a content type for Pagefind, calendar and manifest files', () => {
    expect(fileHeaders('pagefind/wasm.en.pagefind').contentType).toBe('application/octet-stream');
    expect(fileHeaders('pagefind/pagefind.en_1.pf_meta').contentType).toBe('application/octet-stream');
    expect(fileHeaders('releases.ics').contentType).toBe('text/calendar; charset=utf-8');
    expect(fileHeaders('manifest.webmanifest').contentType).toBe('application/manifest+json; charset=utf-8');
    expect(contentTypeFor('README')).toBeUndefined();
  });
  it('applies the base to legacy redirects and points them at the configured site', () => {
    expect(policy.redirects).toEqual([
      {
        from: '/downstream/2019/05/old.html',
        fromEncoded: '/downstream/2019/05/old.html',
        to: 'https://downstream.example/downstream/articles/new/',
      },
    ]);
    expect(() => hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [{ from: 'old', to: '/new/' }] })).toThrow(
      /must be site paths starting with "\/"/,
    );
    const twice = [
      { from: '/a', to: '/b/' },
      { from: '/a', to: '/c/' },
    ];
    expect(() => hostPolicy({ ...EXAMPLE_DEPLOY, redirects: twice })).toThrow(/listed twice/);
    expect(() => hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [{ from: '/a"b', to: '/c/' }] })).toThrow(/quotes/);
    // Paths arrive decoded; requests and Location headers carry them encoded.
    const [r] = hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [{ from: '/2019/été/', to: '/articles/x/' }] }).redirects;
    expect(r).toEqual({
      from: '/downstream/2019/été/',
      fromEncoded: '/downstream/2019/%C3%A9t%C3%A9/',
      to: 'https://downstream.example/downstream/articles/x/',
    });
  });
});

describe('host formats', () => {
  it('ship in deploy/ exactly as generated (run `npm run deploy:config` after changing src/integrations/host/)', () => {
    const files = serverConfigFiles(hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [] }));
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(new URL(`../../deploy/${path}`, import.meta.url), 'utf8'), path).toBe(text);
    }
  });
  it('write _headers without a header two rules could both set (Cloudflare would join their values)', () => {
    const blocks = headersFile(policy)
      .split('\n\n')
      .filter((b) => b.startsWith('/'));
    const cacheRules = blocks.filter((b) => b.includes('Cache-Control:'));
    expect(cacheRules.map((b) => b.split('\n')[0])).toEqual([
      '/downstream/_astro/*',
      '/downstream/pagefind/fragment/*',
      '/downstream/pagefind/index/*',
      '/downstream/pagefind/filter/*',
    ]);
    const all = blocks.find((b) => b.startsWith('/downstream/*\n'))!;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(all).toContain(`  ${k}: ${v}\n`.trimEnd());
    expect(all).not.toContain('Cache-Control');
  });
  it('write _redirects with absolute targets on the configured site', () => {
    expect(
      redirectsFile(policy)
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([
      '/downstream https://downstream.example/downstream/ 301',
      '/downstream/2019/05/old.html https://downstream.example/downstream/articles/new/ 301',
    ]);
  });
  it('write .htaccess rules relative to the build folder, targets on the configured site', () => {
    const h = apacheHtaccess(policy);
    expect(h).toContain(
      'RewriteRule "^2019/05/old\\.html$" https://downstream.example/downstream/articles/new/ [R=301,L,NE]',
    );
    expect(h).toContain('RewriteRule ^ https://downstream.example%{REQUEST_URI}/ [R=301,L]');
    expect(h).toContain('ErrorDocument 404 /downstream/404.html');
  });
});

describe('host checks', () => {
  // A host that gets everything wrong: the checks must say so, check by check.
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/downstream/') {
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': CACHE.immutable });
        res.end(
          '<link rel="canonical" href="https://downstream.example/downstream/"><a href="/downstream/news/">n</a>',
        );
      } else if (req.url === '/downstream' || req.url === '/downstream/news') {
        res.writeHead(301, { location: `http://${req.headers.host}${req.url}/` });
        res.end();
      } else if (req.url?.startsWith('/downstream/pagefind/')) {
        res.writeHead(200, { 'content-type': 'application/wasm', 'cache-control': CACHE.immutable });
        res.end('x');
      } else if (req.url === '/downstream/_headers') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('/*');
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }); // no 404 at all
        res.end('<h1>home</h1>');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/downstream/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('report every broken rule with what was wrong', async () => {
    const results = await checkHost({ url, site: 'https://downstream.example', redirects: [] });
    const failed = (id: string) => results.filter((r) => r.id === id && !r.ok);
    expect(failed('page')[0]?.problem).toMatch(/Content-Type is "text\/html", expected "text\/html; charset=utf-8"/);
    expect(failed('page')[0]?.problem).toMatch(/Content-Security-Policy is missing/);
    expect(failed('page')[0]?.problem).toMatch(/expected revalidation/);
    expect(failed('cache').map((r) => r.what)).toContain('/downstream/pagefind/pagefind.js: 200, revalidates');
    expect(failed('not-found')[0]?.problem).toMatch(/status 200, expected 404/);
    expect(failed('redirect-base')[0]?.problem).toMatch(/Location is "http:\/\/attacker\.invalid\/downstream\/"/);
    expect(failed('redirect-slash')[0]?.problem).toMatch(
      /Location is "http:\/\/attacker\.invalid\/downstream\/news\/"/,
    );
    expect(failed('host-files').map((r) => r.what)).toEqual([
      '/downstream/_headers is not served (404, or 403)',
      '/downstream/_redirects is not served (404, or 403)',
      '/downstream/.htaccess is not served (404, or 403)',
    ]);
    // The canonical path is right; with the configured site given, its origin may differ from the one checked.
    expect(results.find((r) => r.id === 'canonical')?.ok).toBe(true);
  });

  it('say when the build was made for another site than the one checked', async () => {
    const results = await checkHost({ url, redirects: [] });
    expect(results.find((r) => r.id === 'canonical')?.problem).toBe(
      `built for https://downstream.example/downstream/, served at ${url}: build with SITE_URL and BASE_PATH of this deploy`,
    );
  });
});

describe("host checks expect the policy's security headers", () => {
  // A host that sends the headers of a policy allowing a remote image host (its CSP has img-src … host).
  const relaxed = hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [], imageHosts: ['images.example.org'] });
  let sent: Readonly<Record<string, string>> = relaxed.headers;
  let server: Server;
  let url: string;
  let content: string;
  const previous = process.env.CONTENT_DIR;
  beforeAll(async () => {
    content = mkdtempSync(join(tmpdir(), 'host-content-'));
    mkdirSync(join(content, 'articles'));
    writeFileSync(join(content, 'remote-images.yaml'), 'hosts: [images.example.org]\n');
    process.env.CONTENT_DIR = content;
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': CACHE.revalidate, ...sent });
      res.end('<h1>home</h1>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/downstream/`;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    rmSync(content, { recursive: true, force: true });
    await new Promise<void>((r) => server.close(() => r()));
  });
  const headerProblems = async (headers?: Readonly<Record<string, string>>) =>
    (await checkHost({ url, redirects: [], ...(headers ? { headers } : {}) }))
      .filter((r) => r.id === 'page' || r.id === 'headers')
      .map((r) => r.problem ?? '')
      .filter((p) => p.includes('Content-Security-Policy'));

  it('accept a CSP that allows the remote image hosts of content/remote-images.yaml', async () => {
    expect(relaxed.headers['Content-Security-Policy']).toContain('https://images.example.org');
    sent = relaxed.headers;
    expect(await headerProblems()).toEqual([]);
    expect(await headerProblems(relaxed.headers)).toEqual([]);
  });

  it('report the strict CSP where the policy allows remote images, and the other way round', async () => {
    sent = SECURITY_HEADERS;
    const problems = await headerProblems();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain(`Content-Security-Policy is "${SECURITY_HEADERS['Content-Security-Policy']}"`);
    sent = relaxed.headers;
    expect((await headerProblems(SECURITY_HEADERS))[0]).toContain('https://images.example.org');
  });
});
