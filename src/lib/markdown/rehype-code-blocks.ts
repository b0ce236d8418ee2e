import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Code blocks scroll sideways on narrow screens; a scrollable region must be reachable by keyboard (WCAG 2.1.1,
 * axe "scrollable-region-focusable"), so each <pre> joins the tab order. (No aria-label: HTML does not allow one on
 * <pre> without a role, and a role="region" per code block would flood the landmark list.)
 */
export function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (pre: Element) => {
      if (pre.tagName === 'pre') pre.properties.tabIndex = 0;
    });
  };
}
