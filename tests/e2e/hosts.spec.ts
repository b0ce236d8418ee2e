import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { checkHost, formatResults } from '../../src/integrations/host/check.ts';
import { EXAMPLE_DEPLOY } from '../../src/integrations/host/files.ts';
import { hostPolicy } from '../../src/integrations/host/policy.ts';
import { E2E } from './env.ts';
import { ROOT, startServer, type ServerKind } from './servers.ts';

/**
 * The host matrix: Debian's nginx, Apache httpd and Caddy, each started with the configuration generated from
 * src/integrations/host/, under /downstream/ and at the root, all serving the one e2e build in dist/. Every case runs the same
 * checks as `npm run check:host` (src/integrations/host/check.ts).
 *
 * The build is made for /downstream/, so at the root its pages still link to /downstream/ and its canonical URLs
 * say /downstream/: those are properties of the build, which the subpath cases and the rest of the browser suite
 * cover. At the root only the host's behaviour is asserted (headers, cache, types, 404, redirects, host files).
 */
const DIST = join(ROOT, 'dist');
// Legacy redirects to emit in the server configurations: the site's own list is empty until articles are imported.
// Paths come percent-decoded (src/lib/redirects.ts): one with non-ASCII letters, one with a space.
const LEGACY = [
  { from: '/2019/05/abi-story.html', to: '/articles/almalinux-abi-compatibility/' },
  { from: '/2019/06/été/', to: '/articles/almalinux-abi-compatibility/' },
  { from: '/old site/story.html', to: '/articles/almalinux-abi-compatibility/' },
];

// WordPress /?p=<id> links of imported articles (src/lib/redirects.ts: legacyQueryRedirects).
const WORDPRESS_IDS = [{ param: 'p' as const, value: '7', to: '/articles/almalinux-abi-compatibility/' }];

const CASES: { kind: ServerKind; base: string; htaccess?: boolean }[] = [
  { kind: 'nginx', base: '/downstream/' },
  { kind: 'nginx', base: '/' },
  // Apache: the generated vhost <Directory> at both, and the generated .htaccess (AllowOverride All).
  { kind: 'apache', base: '/downstream/' },
  { kind: 'apache', base: '/' },
  { kind: 'apache', base: '/downstream/', htaccess: true },
  { kind: 'caddy', base: '/downstream/' },
  { kind: 'caddy', base: '/' },
];

CASES.forEach(({ kind, base, htaccess }, i) => {
  test(`${kind}${htaccess ? ' (.htaccess)' : ''} at ${base}: headers, cache, types, 404, redirects, host files`, async () => {
    const redirects = LEGACY;
    const policy = hostPolicy({ site: EXAMPLE_DEPLOY.site, base, redirects, queryRedirects: WORDPRESS_IDS });
    const server = await startServer(kind, { port: E2E.port + 10 + i, policy, dist: DIST, htaccess });
    try {
      const results = await checkHost({
        url: `${server.origin}${base}`,
        site: EXAMPLE_DEPLOY.site,
        dist: DIST,
        redirects,
        headers: policy.headers,
        skip: base === '/' ? ['canonical'] : [],
      });
      const failed = results.filter((r) => !r.ok);
      expect(failed, formatResults(results)).toEqual([]);
      // Each kind of check ran: a check that never runs proves nothing.
      const ids = new Set(results.map((r) => r.id));
      for (const id of ['page', 'cache', 'type', 'headers', 'not-found', 'redirect-slash', 'host-files']) {
        expect(ids, id).toContain(id);
      }
      if (base !== '/') expect(ids).toContain('redirect-base');
      if (redirects.length) expect(ids).toContain('redirect-legacy');
      // /?p=7 and /index.php?p=7 answer 301 with the article; another id serves the home page.
      for (const path of [`${base}?p=7`, `${base}index.php?utm_source=x&p=7`]) {
        const r = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
        expect(r.status, path).toBe(301);
        expect(r.headers.get('location'), path).toBe(
          `${EXAMPLE_DEPLOY.site}${base}articles/almalinux-abi-compatibility/`,
        );
      }
      expect((await fetch(`${server.origin}${base}?p=8`, { redirect: 'manual' })).status).toBe(200);
    } finally {
      server.stop();
    }
  });
});
