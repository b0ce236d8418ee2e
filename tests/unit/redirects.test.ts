import { describe, expect, it } from 'vitest';
import { redirectPage, redirectPageFile, redirectsFor, queryRedirectsFor } from '../../src/lib/redirects.ts';
import { EXAMPLE_DEPLOY, serverConfigFiles } from '../../src/integrations/host/files.ts';
import { hostPolicy } from '../../src/integrations/host/policy.ts';
import { redirectsFile } from '../../src/integrations/host/netlify.ts';
import { nginxLocations, nginxMaps } from '../../src/integrations/host/nginx.ts';
import { apacheHtaccess } from '../../src/integrations/host/apache.ts';
import { caddySiteBody } from '../../src/integrations/host/caddy.ts';
import { cloudfrontFunction } from '../../src/integrations/host/s3.ts';

describe('legacy redirects', () => {
  it('maps each old path to the article URL, decoded, sorted, first article wins a shared path', () => {
    expect(
      redirectsFor([
        { id: 'wp/b', paths: ['/2019/06/%C3%A9t%C3%A9/', '/shared/'] },
        { id: 'wp/a', paths: ['/2019/03/a/', '/shared'] },
        { id: 'wp/draft', paths: ['/2019/07/draft/'], draft: true },
      ]),
    ).toEqual([
      { from: '/2019/03/a/', to: '/articles/wp/a/' },
      { from: '/2019/06/été/', to: '/articles/wp/b/' },
      { from: '/shared', to: '/articles/wp/a/' },
    ]);
  });

  it('never redirects the home page, a query, or a path the new site serves', () => {
    expect(
      redirectsFor([{ id: 'wp/a', paths: ['/', '?p=1', '/articles/wp/a/', '/distros/debian/', '/search/'] }]),
    ).toEqual([]);
  });

  it('places static redirect pages where a static host serves the old path', () => {
    expect(redirectPageFile('/2019/03/a/')).toBe('2019/03/a/index.html');
    expect(redirectPageFile('/2019/03/a.html')).toBe('2019/03/a.html');
    expect(redirectPageFile('/2019/03/a')).toBe('2019/03/a/index.html');
    const html = redirectPage('/downstream/articles/x/', 'https://s.example/downstream/articles/x/', 'en');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/downstream/articles/x/">');
    expect(html).toContain('<link rel="canonical" href="https://s.example/downstream/articles/x/">');
    expect(html).not.toMatch(/<script|<style/);
  });
  it('escapes an address as HTML in the redirect page, after encoding it as a URL', () => {
    const html = redirectPage('/d/articles/q&a"x/', 'https://s.example/d/articles/q&a"x/', 'en');
    expect(html).toContain(
      '<p>This article has moved to <a href="/d/articles/q&amp;a%22x/">https://s.example/d/articles/q&amp;a%22x/</a>.</p>',
    );
  });
});

describe('WordPress ?p=<id> redirects', () => {
  const queries = queryRedirectsFor([
    { id: 'wp/b', wordpressId: 120 },
    { id: 'wp/a', wordpressId: 7 },
    { id: 'wp/a-copy', wordpressId: 7 },
    { id: 'wp/draft', wordpressId: 9, draft: true },
    { id: 'jekyll/x' },
  ]);
  const policy = hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [], queryRedirects: queries, imageHosts: [] });

  it('take each published post id once, sorted by id, the first article by id winning', () => {
    expect(queries).toEqual([
      { param: 'p', value: '7', to: '/articles/wp/a/' },
      { param: 'p', value: '120', to: '/articles/wp/b/' },
    ]);
    expect(policy.queryRedirects.map((q) => q.to)).toEqual([
      'https://downstream.example/downstream/articles/wp/a/',
      'https://downstream.example/downstream/articles/wp/b/',
    ]);
  });

  it('nginx: an http-level map on $arg_p, read by the base path and index.php', () => {
    expect(nginxMaps(policy)).toContain(
      'map $arg_p $downstream_wordpress_post {\n    default "";\n    7 https://downstream.example/downstream/articles/wp/a/;\n    120 https://downstream.example/downstream/articles/wp/b/;\n}',
    );
    const conf = nginxLocations(policy);
    expect(conf).toContain('location ~ ^/downstream/(index\\.php)?$ {\n        if ($downstream_wordpress_post) {');
    expect(conf.indexOf('(index\\.php)?$')).toBeLessThan(conf.indexOf('location ~ /$'));
    expect(serverConfigFiles(policy)['nginx/downstream-maps.conf']).toBe(nginxMaps(policy));
    const none = hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [], queryRedirects: [], imageHosts: [] });
    expect(nginxMaps(none)).toBe('');
    expect(nginxLocations(none)).not.toContain('downstream_wordpress_post');
    expect(Object.keys(serverConfigFiles(none))).not.toContain('nginx/downstream-maps.conf');
  });

  it('Netlify: forced query-parameter rules that Cloudflare Pages ignores (four fields)', () => {
    const lines = redirectsFile(policy).split('\n');
    expect(lines).toContain('/downstream/ p=7 https://downstream.example/downstream/articles/wp/a/ 301!');
    expect(lines).toContain('/downstream/index.php p=120 https://downstream.example/downstream/articles/wp/b/ 301!');
    for (const l of lines.filter((x) => x.includes(' p='))) expect(l.split(/\s+/)).toHaveLength(4);
  });

  it('Apache and Caddy match the query string; the CloudFront function reads querystring.p', () => {
    expect(apacheHtaccess(policy)).toContain(
      'RewriteCond %{QUERY_STRING} (^|&)p=7(&|$)\nRewriteRule ^(index\\.php)?$ https://downstream.example/downstream/articles/wp/a/ [R=301,L,NE,QSD]',
    );
    expect(caddySiteBody(policy)).toContain(
      '@downstream_wp_p_120 {\n\tpath /downstream/ /downstream/index.php\n\tquery p=120\n}\nredir @downstream_wp_p_120 https://downstream.example/downstream/articles/wp/b/ 301',
    );
    const fn = cloudfrontFunction(policy);
    const handler = new Function(`${fn}; return handler;`)() as (e: unknown) => {
      statusCode?: number;
      headers?: Record<string, { value: string }>;
      uri?: string;
    };
    const request = (uri: string, p?: string) => ({
      request: { uri, headers: {}, querystring: p ? { p: { value: p } } : {} },
    });
    expect(handler(request('/downstream/', '7')).headers?.location?.value).toBe(
      'https://downstream.example/downstream/articles/wp/a/',
    );
    expect(handler(request('/downstream/index.php', '120')).statusCode).toBe(301);
    expect(handler(request('/downstream/', '8')).uri).toBe('/downstream/index.html');
    expect(handler(request('/downstream/articles/', '7')).uri).toBe('/downstream/articles/index.html');
  });
});
