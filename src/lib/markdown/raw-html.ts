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
