import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { BuiltPage } from '../../src/integrations/checks/dist-index.ts';
import { remoteImageHosts } from '../../src/lib/remote-images.ts';
import { remoteImageCheck, remoteImagesIn } from '../../src/integrations/checks/remote-images.ts';
import { CSP_HEADER, cspDirectives, cspHeader } from '../../src/lib/security-headers.ts';
import { hostPolicy } from '../../src/integrations/host/policy.ts';

const tree = (yaml?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'downstream-remote-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'remote-images.yaml'), yaml);
  return dir;
};

const page = (body: string): BuiltPage => {
  const html = `<html><body><main>\n<div class="article-body">\n${body}\n</div></main></body></html>`;
  return { file: 'articles/x/index.html', url: '/articles/x/', html, root: parse(html), ids: new Set() };
};

describe('remote image hosts', () => {
  it('reads the site setting and refuses anything but host names', () => {
    expect(remoteImageHosts(tree())).toEqual([]);
    expect(remoteImageHosts(tree('hosts: [images.example.net, cdn.example.org]'))).toEqual([
      'images.example.net',
      'cdn.example.org',
    ]);
    expect(() => remoteImageHosts(tree('hosts: ["https://images.example.net/"]'))).toThrow(
      /hosts\.0 \("https:\/\/images\.example\.net\/"\) is not a host name/,
    );
    expect(() => remoteImageHosts(tree('hosts: ["*.example.net"]'))).toThrow(/no scheme, path or wildcard/);
  });

  it('puts exactly those hosts, over https, in img-src of the meta policy and the header', () => {
    expect(cspDirectives([])).toContain("img-src 'self' data:");
    expect(cspDirectives(['b.example.org', 'a.example.org'])).toContain(
      "img-src 'self' data: https://a.example.org https://b.example.org",
    );
    expect(cspHeader([])).toBe(CSP_HEADER);
    expect(cspHeader(['a.example.org'])).toContain("img-src 'self' data: https://a.example.org; ");
    const policy = hostPolicy({ site: 'https://s.example', base: '/', redirects: [], imageHosts: ['a.example.org'] });
    expect(policy.headers['Content-Security-Policy']).toContain('https://a.example.org');
  });

  it('finds remote images in article bodies and fails those from unlisted hosts or over http', () => {
    const p = page(
      '<img src="https://a.example.org/x.png" alt="x">\n<img src="//b.example.org/y.png" alt="y">\n<img src="http://a.example.org/z.png" alt="z">\n<img src="/downstream/_astro/local.webp" alt="l">',
    );
    expect(remoteImagesIn(p).map((i) => i.host)).toEqual(['a.example.org', 'b.example.org', 'a.example.org']);
    const problems = remoteImageCheck(['a.example.org'])(p, undefined as never);
    expect(problems.map((x) => [x.line, x.message])).toEqual([
      [
        4,
        '<img src="//b.example.org/y.png"> comes from b.example.org, which content/remote-images.yaml does not list: add the host there (the CSP follows it) or copy the image into the site',
      ],
      [5, '<img src="http://a.example.org/z.png"> loads over http: use https'],
    ]);
  });
});
