/**
 * The article checks read each built page once, as facts (src/integrations/checks/page-facts.ts), cached by the
 * page's bytes (page-facts-cache.ts). These tests hold the facts to what the DOM checks of rules.ts report on the
 * same page, and the cache to "an unchanged page is not read again, a changed one is".
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { lineAt, type BuiltPage, type DistIndex } from '../../src/integrations/checks/dist-index.ts';
import { externalLinks, imageAlt, internalLinks, linkProblem } from '../../src/integrations/checks/rules.ts';
import { remoteImagesIn } from '../../src/integrations/checks/remote-images.ts';
import { pageFacts } from '../../src/integrations/checks/page-facts.ts';
import { factsCache } from '../../src/integrations/checks/page-facts-cache.ts';

const HTML = `<!DOCTYPE html>
<html lang="en"><head><title>t</title>
<link rel="stylesheet" href="/downstream/_astro/a.css"></head>
<body><a href="#main" id="skip">Skip</a>
<nav><a href="/downstream/missing/">outside the body</a><img src="/downstream/logo.svg"></nav>
<main id="main">
<div class="prose article-body" id="body">
<h2 id="first-heading">First</h2>
<p>See <a href="/downstream/articles/other/#gone">another page</a> and
<a href="#first-heading">this heading</a>, <a name="legacy">a named anchor</a>,
<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer external" class="external">fine</a>
<a href="https://example.org/plain">unmarked</a>
<a href="mailto:desk@example.org">mail</a></p>
<img src="/downstream/_astro/x.webp">
<img src="/downstream/_astro/y.webp" alt="">
<img src="/downstream/_astro/z.webp" alt="" role="presentation">
<img src="https://images.example.net/p.png" alt="remote">
<picture><source srcset="//cdn.example.org/q.avif 1x, //cdn.example.org/q2.avif 2x"><img src="/downstream/_astro/q.png" alt="q"></picture>
<pre id="code"><code><a href="/downstream/in-pre/" id="not-an-id">not markup</a></code></pre>
<iframe src="/downstream/embed/" title="e"></iframe>
<form action="/downstream/search/"><input name="q"></form>
<div class="note"><a href="/downstream/articles/other/" id="nested">nested in the body</a></div>
</div>
<a href="https://example.org/after-body">after the body</a>
</main></body></html>`;

const SITE: DistIndex = {
  dir: '/nowhere',
  base: '/downstream/',
  files: new Set(['index.html', 'articles/this/index.html', 'articles/other/index.html', '_astro/x.webp']),
  htmlFiles: ['articles/other/index.html', 'articles/this/index.html', 'index.html'],
  idsOf: () => new Set(['top']),
};

const builtPage = (html: string): BuiltPage => {
  const root = parse(html, { comment: false });
  const ids = new Set(root.querySelectorAll('[id]').map((e) => e.id));
  for (const a of root.querySelectorAll('a[name]')) ids.add(a.getAttribute('name')!);
  return { file: 'articles/this/index.html', url: '/downstream/articles/this/', html, root, ids };
};

describe('page facts', () => {
  const facts = pageFacts(HTML);

  it('lists every id and <a name> outside <pre>, as the page offers them as #fragments', () => {
    expect(facts.ids).toEqual(['skip', 'main', 'body', 'first-heading', 'legacy', 'code', 'nested']);
  });

  it('lists the URL attributes of the article body only, links first, with their lines', () => {
    expect(facts.links.map((l) => [l.attr, l.raw, l.line, l.anchor])).toEqual([
      ['href', '/downstream/articles/other/#gone', 9, true],
      ['href', '#first-heading', 10, true],
      ['href', 'https://example.org/?a=1&b=2', 11, true],
      ['href', 'https://example.org/plain', 12, true],
      ['href', 'mailto:desk@example.org', 13, true],
      ['href', '/downstream/articles/other/', 22, true],
      ['src', '/downstream/_astro/x.webp', 14, false],
      ['src', '/downstream/_astro/y.webp', 15, false],
      ['src', '/downstream/_astro/z.webp', 16, false],
      ['src', 'https://images.example.net/p.png', 17, false],
      ['src', '/downstream/_astro/q.png', 18, false],
      ['src', '/downstream/embed/', 20, false],
      ['action', '/downstream/search/', 21, false],
    ]);
  });

  it('reports the same problems, on the same lines, as the DOM checks restricted to the article body', () => {
    const page = builtPage(HTML);
    const dom = [...internalLinks(page, SITE), ...imageAlt(page, SITE), ...externalLinks(page, SITE)]
      .filter((p) => p.inContent)
      .map((p) => [p.line, p.message]);
    const pageUrl = new URL(page.url, 'http://site.invalid');
    const fromFacts = [
      ...facts.links.flatMap((l) => {
        const found = linkProblem(SITE, pageUrl, l, (f) => (f === page.file ? new Set(facts.ids) : SITE.idsOf(f)));
        return found ? [[l.line, found.message]] : [];
      }),
      ...facts.local.map((p) => [p.line, p.message]),
    ];
    expect(fromFacts).toEqual(dom);
    expect(fromFacts).toEqual([
      [9, 'href="/downstream/articles/other/#gone": no element with id="gone" on /downstream/articles/other/'],
      [15, 'src="/downstream/_astro/y.webp" points to /downstream/_astro/y.webp, which is not in the build'],
      [16, 'src="/downstream/_astro/z.webp" points to /downstream/_astro/z.webp, which is not in the build'],
      [18, 'src="/downstream/_astro/q.png" points to /downstream/_astro/q.png, which is not in the build'],
      [20, 'src="/downstream/embed/" points to /downstream/embed/, which is not in the build'],
      [21, 'action="/downstream/search/" points to /downstream/search/, which is not in the build'],
      [14, '<img src="/downstream/_astro/x.webp"> has no alt text'],
      [15, '<img src="/downstream/_astro/y.webp"> has no alt text'],
      [12, 'external link https://example.org/plain lacks rel="noopener"'],
      [12, 'external link https://example.org/plain is not marked as external'],
    ]);
  });

  it('finds the same remote images as the DOM check', () => {
    expect(facts.remote).toEqual(remoteImagesIn(builtPage(HTML)));
    expect(facts.remote.map((r) => [r.host, r.line])).toEqual([
      ['images.example.net', 17],
      ['cdn.example.org', 18],
    ]);
  });

  it('counts lines in files with CRLF and long runs without newlines as lineAt does', () => {
    const html = `<div class="article-body">\r\n\r\n<img src="/a.png">${'x'.repeat(500)}\n<img src="/b.png"></div>`;
    const dom = builtPage(html)
      .root.querySelectorAll('img')
      .map((e) => lineAt(html, e.range[0]));
    expect(pageFacts(html).local.map((p) => p.line)).toEqual(dom);
    expect(dom).toEqual([3, 4]);
  });
});

describe('the page facts cache', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'downstream-facts-'));

  it('reads a page once across builds, reads it again when its bytes change, and keeps only what a build used', () => {
    const cacheDir = dir();
    const first = factsCache(cacheDir);
    first.factsOf('articles/a/index.html', HTML);
    first.factsOf('articles/b/index.html', '<div class="article-body"><img src="/x.png"></div>');
    expect([first.misses, first.hits]).toEqual([2, 0]);
    first.save();
    const file = join(cacheDir, 'article-checks', 'page-facts.json');
    expect(existsSync(file)).toBe(true);

    const second = factsCache(cacheDir);
    expect(second.factsOf('articles/a/index.html', HTML)).toEqual(pageFacts(HTML));
    // Same bytes at another path: another page (relative links resolve differently), read again.
    second.factsOf('articles/c/index.html', HTML);
    const changed = second.factsOf('articles/b/index.html', '<div class="article-body"><img src="/y.png"></div>');
    expect(changed.local.map((p) => p.message)).toEqual(['<img src="/y.png"> has no alt text']);
    expect([second.misses, second.hits]).toEqual([2, 1]);
    second.save();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries)).toHaveLength(3);
  });

  it('starts empty when the stored facts were read by other code, or cannot be read', () => {
    const cacheDir = dir();
    const first = factsCache(cacheDir);
    first.factsOf('articles/a/index.html', HTML);
    first.save();
    const file = join(cacheDir, 'article-checks', 'page-facts.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
    writeFileSync(file, JSON.stringify({ ...stored, version: 'older code' }));
    const second = factsCache(cacheDir);
    second.factsOf('articles/a/index.html', HTML);
    expect([second.misses, second.hits]).toEqual([1, 0]);
    writeFileSync(file, '{ not json');
    const third = factsCache(cacheDir);
    third.factsOf('articles/a/index.html', HTML);
    expect([third.misses, third.hits]).toEqual([1, 0]);
  });
});
