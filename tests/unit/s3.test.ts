import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadS3, uploadSite } from '../../scripts/deploy-s3.ts';
import { EXAMPLE_DEPLOY } from '../../src/integrations/host/files.ts';
import { CACHE, SECURITY_HEADERS, hostPolicy } from '../../src/integrations/host/policy.ts';
import { cloudfrontFunction } from '../../src/integrations/host/s3.ts';
import type { S3Client, S3rver } from '../../tools/s3/index.js';

// A small build with one file of each kind the policy treats differently.
const FILES: Record<string, string> = {
  'index.html': '<h1>home</h1>',
  '404.html': '<h1>Page not found</h1>',
  'articles/story/index.html': '<h1>story</h1>',
  '_astro/Base.a1b2c3.css': 'body{}',
  'pagefind/pagefind.js': 'export{}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/fragment/en_1a2b.pf_fragment': 'frag',
  'releases.ics': 'BEGIN:VCALENDAR',
  'manifest.webmanifest': '{}',
  _headers: '/*',
  _redirects: '/a /b',
  '.htaccess': 'Options -Indexes',
};

describe('S3 upload (against s3rver, a local S3-compatible server)', () => {
  let dir: string;
  let server: S3rver;
  let client: S3Client;
  let sdk: Awaited<ReturnType<typeof loadS3>>;
  beforeAll(async () => {
    // The S3 client and s3rver live in tools/s3/; the first run installs them from the npm registry.
    sdk = await loadS3();
    const { S3Client, S3rver } = sdk;
    dir = mkdtempSync(join(tmpdir(), 'downstream-s3-'));
    for (const [f, body] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, 'dist', f)), { recursive: true });
      writeFileSync(join(dir, 'dist', f), body);
    }
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(dir, 'store'),
      configureBuckets: [{ name: 'site', configs: [] }],
    });
    const { port }: AddressInfo = await server.run();
    client = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }, 300_000); // time for npm ci in tools/s3/ on the first run
  afterAll(async () => {
    client.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts every file with its type and cache policy, never the host files, and deletes stale objects after', async () => {
    const { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } = sdk;
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'downstream/articles/gone/index.html', Body: 'x' }));
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'elsewhere/keep.txt', Body: 'x' }));
    const { uploaded, deleted } = await uploadSite({
      client,
      bucket: 'site',
      prefix: '/downstream/',
      dist: join(dir, 'dist'),
    });

    expect(deleted).toEqual(['downstream/articles/gone/index.html']);
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'site' }));
    const keys = (list.Contents ?? []).map((o) => o.Key).sort();
    const expected = Object.keys(FILES)
      .filter((f) => !['_headers', '_redirects', '.htaccess'].includes(f))
      .map((f) => `downstream/${f}`);
    expect(keys).toEqual([...expected, 'elsewhere/keep.txt'].sort());

    const head = async (key: string) => {
      const h = await client.send(new HeadObjectCommand({ Bucket: 'site', Key: `downstream/${key}` }));
      return [h.ContentType, h.CacheControl];
    };
    expect(await head('index.html')).toEqual(['text/html; charset=utf-8', CACHE.revalidate]);
    expect(await head('_astro/Base.a1b2c3.css')).toEqual(['text/css; charset=utf-8', CACHE.immutable]);
    expect(await head('pagefind/fragment/en_1a2b.pf_fragment')).toEqual(['application/octet-stream', CACHE.immutable]);
    expect(await head('pagefind/wasm.en.pagefind')).toEqual(['application/octet-stream', CACHE.revalidate]);
    expect(await head('pagefind/pagefind.js')).toEqual(['text/javascript; charset=utf-8', CACHE.revalidate]);
    expect(await head('releases.ics')).toEqual(['text/calendar; charset=utf-8', CACHE.revalidate]);
    expect(await head('manifest.webmanifest')).toEqual(['application/manifest+json; charset=utf-8', CACHE.revalidate]);
    const body = await client.send(
      new GetObjectCommand({ Bucket: 'site', Key: 'downstream/articles/story/index.html' }),
    );
    expect(await body.Body?.transformToString()).toBe('<h1>story</h1>');

    // Hashed assets first, HTML last.
    const order = uploaded.map((u) => u.file);
    expect(order.indexOf('_astro/Base.a1b2c3.css')).toBeLessThan(order.indexOf('pagefind/pagefind.js'));
    expect(Math.max(...order.filter((f) => !f.endsWith('.html')).map((f) => order.indexOf(f)))).toBeLessThan(
      Math.min(...order.filter((f) => f.endsWith('.html')).map((f) => order.indexOf(f))),
    );
  });
});

describe('CloudFront function', () => {
  const policy = hostPolicy({
    ...EXAMPLE_DEPLOY,
    redirects: [
      { from: '/2019/old.html', to: '/articles/new/' },
      { from: '/2019/été/', to: '/articles/new/' },
    ],
  });
  type Handler = (event: object) => {
    statusCode?: number;
    uri?: string;
    headers: Record<string, { value: string }>;
  };
  const handler = new Function(`${cloudfrontFunction(policy)}\nreturn handler;`)() as Handler;
  const request = (uri: string) => handler({ request: { uri, headers: {} } });

  it('serves directory indexes and redirects to the canonical URL on the configured site with the headers', () => {
    expect(request('/downstream/articles/story/').uri).toBe('/downstream/articles/story/index.html');
    expect(request('/downstream/_astro/a.css').uri).toBe('/downstream/_astro/a.css');
    for (const [from, to] of [
      ['/downstream', 'https://downstream.example/downstream/'],
      ['/downstream/articles/story', 'https://downstream.example/downstream/articles/story/'],
      ['/downstream/2019/old.html', 'https://downstream.example/downstream/articles/new/'],
      ['/downstream/2019/%C3%A9t%C3%A9/', 'https://downstream.example/downstream/articles/new/'],
    ] as const) {
      const res = request(from);
      expect(res.statusCode, from).toBe(301);
      expect(res.headers.location?.value, from).toBe(to);
      expect(res.headers['content-security-policy']?.value).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    }
  });
  it('adds the security headers to every response', () => {
    const res = handler({ request: { uri: '/downstream/' }, response: { statusCode: 200, headers: {} } });
    expect(res.headers['strict-transport-security']?.value).toBe(SECURITY_HEADERS['Strict-Transport-Security']);
  });
});
