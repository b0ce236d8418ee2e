import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Adds a visible "link to this section" anchor after the text of each h2-h4 that has an id (from rehype-slug).
 * The anchor is a sibling inside the heading, labelled with the heading text for screen readers.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!HEADINGS.has(node.tagName)) return;
      const id = node.properties?.id;
      if (typeof id !== 'string' || !id) return;
      const label = toString(node).trim();
      node.properties.className = [...((node.properties.className as string[]) ?? []), 'heading'];
      node.children.push({
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
      });
    });
  };
}
