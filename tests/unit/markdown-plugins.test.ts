/**
 * The rehype plugins of the Markdown pipeline (src/lib/markdown/), each run on the HTML that the stages before it
 * produce, and checked on the markup a reader (or a screen reader) gets.
 */
import { describe, expect, it } from 'vitest';
import { unified, type Pluggable } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import { INLINE_CODE_WORD_MAX, rehypeCodeBlocks } from '../../src/lib/markdown/rehype-code-blocks.ts';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors.ts';
import { rehypeLinks } from '../../src/lib/markdown/rehype-links.ts';
import { rehypeTaskListLabels } from '../../src/lib/markdown/rehype-task-list-labels.ts';
import { MDX_NODE_TYPES, rehypeRawWhereNeeded } from '../../src/lib/markdown/raw-html.ts';

function run(html: string, ...plugins: Pluggable[]): string {
  return String(unified().use(rehypeParse, { fragment: true }).use(plugins).use(rehypeStringify).processSync(html));
}

describe('rehype-links', () => {
  const site = 'https://downstream.example';
  const under = (html: string) => run(html, [rehypeLinks, { base: '/downstream/', site }]);
  const atRoot = (html: string) => run(html, [rehypeLinks, { base: '/', site }]);

  it('puts root-relative links and images under the base path, once', () => {
    expect(under('<a href="/distros/debian/">Debian</a>')).toBe('<a href="/downstream/distros/debian/">Debian</a>');
    expect(under('<a href="/downstream/feeds/">Feeds</a>')).toBe('<a href="/downstream/feeds/">Feeds</a>');
    expect(under('<img src="/images/a.png" alt="A">')).toBe('<img src="/downstream/images/a.png" alt="A">');
    expect(under('<picture><source src="/a.webp"></picture>')).toBe(
      '<picture><source src="/downstream/a.webp"></picture>',
    );
  });

  it('leaves links alone at the root, and relative links, anchors and protocol-relative images everywhere', () => {
    expect(atRoot('<a href="/news/">News</a>')).toBe('<a href="/news/">News</a>');
    expect(under('<a href="#install">Install</a><a href="../x/">x</a>')).toBe(
      '<a href="#install">Install</a><a href="../x/">x</a>',
    );
    expect(under('<img src="//cdn.example/a.png" alt="">')).toBe('<img src="//cdn.example/a.png" alt="">');
    expect(under('<a>no href</a>')).toBe('<a>no href</a>');
  });

  it('marks links to other sites as external, with hidden text for screen readers', () => {
    expect(under('<a href="https://www.debian.org/" class="x">Debian</a>')).toBe(
      '<a href="https://www.debian.org/" class="x external" rel="noopener noreferrer external">Debian' +
        '<span class="visually-hidden"> (external site)</span></a>',
    );
    expect(under('<a href="//lwn.net/">LWN</a>')).toContain('rel="noopener noreferrer external"');
  });

  it('does not mark absolute links to the site itself', () => {
    expect(under('<a href="https://downstream.example/downstream/news/">News</a>')).toBe(
      '<a href="https://downstream.example/downstream/news/">News</a>',
    );
  });
});

describe('rehype-heading-anchors', () => {
  const anchors = (html: string) => run(html, rehypeSlug, rehypeHeadingAnchors);

  it('adds a link to the section beside h2-h4 with an id (never inside: the heading text stays clean)', () => {
    expect(anchors('<h2>Support ends</h2>')).toBe(
      '<div class="heading-wrapper level-h2"><h2 id="support-ends">Support ends</h2>' +
        '<a href="#support-ends" class="heading-anchor" data-pagefind-ignore="all"><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Link to the section “Support ends”</span></a></div>',
    );
    expect(anchors('<h4>Deep</h4>')).toContain('href="#deep"');
  });

  it('leaves h1, h5 and headings without an id alone', () => {
    expect(anchors('<h1>Title</h1><h5>Small</h5>')).not.toContain('heading-anchor');
    expect(run('<h2>No id</h2>', rehypeHeadingAnchors)).toBe('<h2>No id</h2>');
  });
});

describe('rehype-task-list-labels', () => {
  it('names each task checkbox after its item', () => {
    const html =
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> Back up /etc</li>' +
      '<li class="task-list-item"><input type="checkbox" checked disabled></li></ul>';
    expect(run(html, rehypeTaskListLabels)).toBe(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled aria-label="Back up /etc"> Back up /etc</li>' +
        '<li class="task-list-item"><input type="checkbox" checked disabled aria-label="Task"></li></ul>',
    );
  });

  it('leaves ordinary list items and other inputs alone', () => {
    const html = '<ul><li>Plain</li><li><input type="text"> field</li></ul>';
    expect(run(html, rehypeTaskListLabels)).toBe(html);
  });
});

describe('rehype-code-blocks', () => {
  it('puts every code block in the tab order so it can be scrolled by keyboard', () => {
    expect(run('<pre><code>dnf upgrade</code></pre><p><code>inline</code></p>', rehypeCodeBlocks)).toBe(
      '<pre tabindex="0"><code>dnf upgrade</code></pre><p><code>inline</code></p>',
    );
  });
  it('keeps each breakable word of inline code whole, leaving the text and code blocks as they were', () => {
    expect(run('<p>Run <code>dnf config-manager --disable crb</code>.</p>', rehypeCodeBlocks)).toBe(
      '<p>Run <code>dnf <span class="code-word">config-manager</span> <span class="code-word">--disable</span> crb</code>.</p>',
    );
    expect(run('<pre><code>dnf config-manager --disable crb</code></pre>', rehypeCodeBlocks)).toBe(
      '<pre tabindex="0"><code>dnf config-manager --disable crb</code></pre>',
    );
    // A word longer than a line at 320 px may still break after "/" or "-", so it wraps instead of overflowing.
    const long = '/etc/apt/sources.list.d/debian.sources';
    expect(long.length).toBeGreaterThan(INLINE_CODE_WORD_MAX);
    expect(run(`<p><code>${long}</code> and <code>bookworm-backports</code></p>`, rehypeCodeBlocks)).toBe(
      `<p><code>${long}</code> and <code><span class="code-word">bookworm-backports</span></code></p>`,
    );
  });
});

describe('raw HTML in Markdown', () => {
  const md = (source: string, raw: Pluggable) =>
    String(
      unified()
        .use(remarkParse)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use([raw, [rehypeLinks, { base: '/downstream/', site: 'https://downstream.example' }]])
        .use(rehypeStringify, { allowDangerousHtml: true })
        .processSync(source),
    );
  const always: Pluggable = [rehypeRaw, { passThrough: MDX_NODE_TYPES }];
  const whereNeeded: Pluggable = [rehypeRawWhereNeeded, { passThrough: MDX_NODE_TYPES }];

  it('reaches the plugins after it: a link written as HTML gets the base path like a Markdown one', () => {
    const source =
      'See <a href="/distros/debian/">Debian</a> and [Fedora](/distros/fedora/).\n\n<div><img src="/a.png" alt="A"></div>';
    expect(md(source, whereNeeded)).toBe(
      '<p>See <a href="/downstream/distros/debian/">Debian</a> and <a href="/downstream/distros/fedora/">Fedora</a>.</p>\n<div><img src="/downstream/a.png" alt="A"></div>',
    );
    expect(md(source, whereNeeded)).toBe(md(source, always));
  });

  it('gives the same page when a file has no raw HTML, without re-parsing it', () => {
    const source = '# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [ ] task\n\n> quote with `code` and [a link](/x/)';
    expect(md(source, whereNeeded)).toBe(md(source, always));
    expect(md(source, whereNeeded)).toContain('<a href="/downstream/x/">a link</a>');
  });
});
