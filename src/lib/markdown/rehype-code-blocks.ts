import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Code blocks scroll sideways on narrow screens; a scrollable region must be reachable by keyboard (WCAG 2.1.1,
 * axe "scrollable-region-focusable"), so each <pre> joins the tab order with a label naming its language.
 */
export function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (pre: Element) => {
      if (pre.tagName !== 'pre') return;
      const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const cls = [...((code?.properties?.className as string[]) ?? []), ...((pre.properties?.className as string[]) ?? [])];
      const lang = cls.find((c) => c.startsWith('language-'))?.slice('language-'.length);
      pre.properties.tabIndex = 0;
      pre.properties.ariaLabel = lang ? `Code example (${lang})` : 'Code example';
    });
  };
}
