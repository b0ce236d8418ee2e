import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { joinBase } from '../urls.ts';
import { EXTERNAL_CLASS, EXTERNAL_HINT, EXTERNAL_REL, VISUALLY_HIDDEN } from '../external-links.ts';
import { ContentError } from './content-error.ts';

export interface LinkOptions {
  /** The deploy base path ("/" or "/downstream/"). */
  base: string;
  /** The site origin, to recognise absolute links to ourselves. */
  site: string;
}

/**
 * Content links and images are written as if the site lived at "/". This applies the base path to root-relative URLs and
 * marks links that leave the site: rel="noopener noreferrer" plus a class the stylesheet uses to show an external
 * marker, with hidden text for screen readers.
 */
export function rehypeLinks(options: LinkOptions) {
  const { base, site } = options;
  return (tree: Root) => {
    const problems: { line?: number; message: string }[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if ((node.tagName === 'img' || node.tagName === 'source') && typeof node.properties?.src === 'string') {
        const src = node.properties.src;
        if (src.startsWith('/') && !src.startsWith('//') && base !== '/' && !src.startsWith(base))
          node.properties.src = joinBase(base, src);
        return;
      }
      if (node.tagName !== 'a') return;
      const href = node.properties?.href;
      if (typeof href !== 'string') return;
      if (href.startsWith('/') && !href.startsWith('//')) {
        if (base !== '/' && !href.startsWith(base)) node.properties.href = joinBase(base, href);
        return;
      }
      if (/^https?:\/\//i.test(href) || href.startsWith('//')) {
        const target = URL.parse(href, site);
        if (!target) {
          // GFM turns text such as an rsync address (www.example.org::module/path) into a link to an invalid URL:
          // that was never meant as a link, so it stays text. A link the writer wrote must be fixed.
          const text = toString(node);
          if (
            parent &&
            index !== undefined &&
            href.replace(/^https?:\/\//i, '').endsWith(text.replace(/^https?:\/\//i, ''))
          ) {
            parent.children.splice(index, 1, ...node.children);
            return [SKIP, index];
          }
          problems.push({
            line: node.position?.start.line,
            message: `link target "${href}" is not a valid URL: correct it, or write it as code in backticks (see docs/writing.md#links-and-images)`,
          });
          return;
        }
        if (target.origin === site) return;
        node.properties.rel = [...EXTERNAL_REL];
        node.properties.className = [...((node.properties.className as string[]) ?? []), EXTERNAL_CLASS];
        node.children.push({
          type: 'element',
          tagName: 'span',
          properties: { className: [VISUALLY_HIDDEN] },
          children: [{ type: 'text', value: EXTERNAL_HINT }],
        });
      }
    });
    if (problems.length > 0) throw new ContentError(problems);
  };
}
