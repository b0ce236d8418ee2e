import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Gives each h2-h4 that has an id (from rehype-slug) a "link to this section" anchor placed BESIDE the heading, in a
 * wrapper: `<div class="heading-wrapper level-h2"><h2 id>Text</h2><a class="heading-anchor">…</a></div>`.
 *
 * The anchor is not inside the heading so that the heading's text (what Astro collects for the table of contents,
 * what Pagefind indexes, what a screen reader announces for the heading) is exactly what the author wrote. The
 * anchor's accessible name names the section; its visible "#" is hidden from assistive technology.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!HEADINGS.has(node.tagName) || !parent || index === undefined) return;
      const id = node.properties?.id;
      if (typeof id !== 'string' || !id) return;
      const label = toString(node).trim();
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['heading-anchor'], 'data-pagefind-ignore': 'all' },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { ariaHidden: 'true' },
            children: [{ type: 'text', value: '#' }],
          },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['visually-hidden'] },
            children: [{ type: 'text', value: `Link to the section “${label}”` }],
          },
        ],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
        children: [node, anchor] as ElementContent[],
      };
      parent.children[index] = wrapper;
      // The heading now sits inside the wrapper: don't visit the wrapper (and the heading) a second time.
      return [SKIP, index + 1];
    });
  };
}
