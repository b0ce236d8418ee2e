import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const URL_ATTRS = ['href', 'src', 'poster'] as const;

/**
 * Rewrites every relative URL in an HTML fragment against `pageUrl`, for feeds: feed readers show content away
 * from the site, so "/downstream/distros/x/" and "#section" must become absolute. Also drops the heading-anchor
 * links, which only make sense on the page.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const rewrite = () => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const cls = node.properties?.className;
      if (Array.isArray(cls) && cls.includes('heading-anchor') && parent && typeof index === 'number') {
        parent.children.splice(index, 1);
        return index;
      }
      for (const attr of URL_ATTRS) {
        const value = node.properties?.[attr];
        if (typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
          node.properties[attr] = new URL(value, pageUrl).href;
        }
      }
      return undefined;
    });
  };
  return unified().use(rehypeParse, { fragment: true }).use(rewrite).use(rehypeStringify).processSync(html).toString();
}
