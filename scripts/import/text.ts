/** Plain text helpers for the dek (description) of imported posts: the post's own words, never new ones. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

const DEK_MAX = 300;

/** Visible text of an HTML fragment (an excerpt), entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#8217;|&rsquo;/g, '’')
    .replace(/&#8216;|&lsquo;/g, '‘')
    .replace(/&#8220;|&ldquo;/g, '“')
    .replace(/&#8221;|&rdquo;/g, '”')
    .replace(/&#8211;|&ndash;/g, '–')
    .replace(/&#8212;|&mdash;/g, '—')
    .replace(/&hellip;|&#8230;/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first paragraph of Markdown as plain text (skipping headings, images, code, embeds). */
export function firstParagraph(md: string): string {
  const tree = fromMarkdown(md);
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const t = toString(node).replace(/\s+/g, ' ').trim();
    if (t.length >= 20 || (t && !/^[*_]/.test(t))) return t;
  }
  return '';
}

/** Shortens to the dek limit at a word boundary, with an ellipsis when cut. */
export function clampDek(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= DEK_MAX) return t;
  const cut = t.slice(0, DEK_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 200 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.–—-]+$/, '')}…`;
}
