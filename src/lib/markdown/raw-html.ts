import type { Root } from 'hast';
import rehypeRaw, { type Options as RawOptions } from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
/**
 * Node types of MDX's syntax tree that rehype-raw must leave alone: it re-parses raw HTML, and MDX's JSX and
 * expressions are not HTML.
 */
export const MDX_NODE_TYPES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
];

/**
 * rehype-raw for trees that hold raw HTML. hast-util-raw sends the whole tree through an HTML parser even when there is
 * no raw node in it; a tree without one is left as it is. (Astro's own rehype-raw, after our plugins, still runs on
 * every Markdown file, as in a bare Astro build.)
 */
export function rehypeRawWhereNeeded(options: RawOptions) {
  const transform = rehypeRaw(options);
  return (tree: Root, file: Parameters<typeof transform>[1]): Root | undefined => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? transform(tree, file) : undefined;
  };
}
