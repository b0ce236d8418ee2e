import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import { parse } from 'node-html-parser';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors.ts';
import { buildToc } from '../../src/lib/toc.ts';

const MARKDOWN = `
Intro.

## Why the old model stopped working

### What \`dnf upgrade\` *really* does

## Rocky & Alma: {braces} and "quotes"

Text.
`;

async function render(md: string) {
  const processor = await createMarkdownProcessor({
    rehypePlugins: [rehypeSlug, rehypeHeadingAnchors],
    syntaxHighlight: false,
  });
  return processor.render(md, { fileURL: new URL('file:///article.md') });
}

describe('heading anchors and the table of contents', () => {
  it('keep the heading text clean: the anchor sits beside the heading, named after the section', async () => {
    const { code } = await render(MARKDOWN);
    const root = parse(code);
    const h2 = root.querySelector('h2#why-the-old-model-stopped-working')!;
    expect(h2.textContent).toBe('Why the old model stopped working');
    expect(h2.querySelector('a')).toBeNull();
    const wrapper = h2.parentNode!;
    expect(wrapper.classList.contains('heading-wrapper')).toBe(true);
    const anchor = wrapper.querySelector('a.heading-anchor')!;
    expect(anchor.getAttribute('href')).toBe('#why-the-old-model-stopped-working');
    expect(anchor.querySelector('.visually-hidden')!.textContent).toBe(
      'Link to the section “Why the old model stopped working”',
    );
  });

  it('give every entry exactly the text of its heading, through the real Markdown pipeline', async () => {
    const { code, metadata } = await render(MARKDOWN);
    const root = parse(code);
    const toc = buildToc(metadata.headings);
    const entries = toc.flatMap((e) => [e, ...e.children]);
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      const heading = root.querySelector(`[id="${e.slug}"]`)!;
      expect(e.text).toBe(heading.textContent.trim());
    }
    expect(entries.map((e) => e.text)).toEqual([
      'Why the old model stopped working',
      'What dnf upgrade really does',
      'Rocky & Alma: {braces} and “quotes”',
    ]);
  });
});
