import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * remark-gfm renders task-list items as a bare disabled checkbox followed by text, which has no accessible name
 * (axe rule "label"). Give each checkbox the item's text as its label.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (li: Element) => {
      if (li.tagName !== 'li') return;
      const box = li.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'input' && c.properties?.type === 'checkbox',
      );
      if (!box) return;
      const text = toString(li).trim();
      box.properties.ariaLabel = text || 'Task';
    });
  };
}
