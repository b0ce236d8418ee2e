import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * The longest word of inline code kept on one line. Inline code is set in the monospace face at 0.9em, which gives
 * the article column about 27 characters at 320 px, the narrowest screen the site supports: a word up to this
 * length always fits, so it never needs a break inside; a longer one (a deep path, a registry address) may still
 * break after a "/" or "-" so that it wraps instead of overflowing.
 */
export const INLINE_CODE_WORD_MAX = 24;

/**
 * A word a browser may break inside: one with a character other than a letter, digit, "_" or "." (browsers break
 * after a hyphen, "--" of an option included, after "/" and some other punctuation, but not after "." or "_").
 */
const BREAKABLE = /[^\p{L}\p{N}_.]/u;

/**
 * Words of inline code that may break inside ("config-manager", "--disable") and fit on a line get
 * `<span class="code-word">` (white-space: nowrap): a command then wraps at its spaces, as a reader expects, not
 * after "--". The text is unchanged, so copying it copies the command.
 */
function keepWordsWhole(code: Element): void {
  code.children = code.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'text') return [child];
    const parts = child.value.split(/(\s+)/);
    if (!parts.some(isKeptWord)) return [child];
    return parts
      .filter((part) => part !== '')
      .map((part) =>
        isKeptWord(part)
          ? {
              type: 'element',
              tagName: 'span',
              properties: { className: ['code-word'] },
              children: [{ type: 'text', value: part }],
            }
          : { type: 'text', value: part },
      );
  });
}

const isKeptWord = (part: string) => part.length <= INLINE_CODE_WORD_MAX && !/\s/.test(part) && BREAKABLE.test(part);

/**
 * Code blocks scroll sideways on narrow screens; a scrollable region must be reachable by keyboard (WCAG 2.1.1,
 * axe "scrollable-region-focusable"), so each <pre> joins the tab order. (No aria-label: HTML does not allow one on
 * <pre> without a role, and a role="region" per code block would flood the landmark list.) Inline code keeps its
 * words whole (keepWordsWhole).
 */
export function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
      else if (node.tagName === 'code' && !(parent?.type === 'element' && parent.tagName === 'pre'))
        keepWordsWhole(node);
    });
  };
}
