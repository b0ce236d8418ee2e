/**
 * WordPress post HTML → Markdown with turndown (+ GFM tables and strikethrough). WordPress stores paragraphs as
 * blank-line separated text (its `wpautop` adds the <p> tags at display time), so that is done first; shortcodes
 * are converted before turndown sees them; embeds and iframes become link cards.
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { embedAnchor, embedCard, embedFor, standsAlone } from './embeds.ts';
import { convertWordPressShortcodes, embedPlaceholder, type TagContext } from './shortcodes.ts';

const BLOCK = /^<(p|div|h[1-6]|ul|ol|li|pre|blockquote|figure|table|thead|tbody|tr|iframe|hr|dl|section|aside|!--|\[)/i;

/** The essence of WordPress's wpautop: blank-line blocks become paragraphs, single newlines line breaks. */
export function autop(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => {
      const t = chunk.trim();
      if (!t) return '';
      const embed = /^\S+$/.test(t) && /^(https?:)?\/\//.test(t) ? embedFor(t) : undefined;
      if (embed) return embedPlaceholder(embed.url);
      if (BLOCK.test(t)) return t;
      return `<p>${t.replace(/\n/g, '<br>\n')}</p>`;
    })
    .filter(Boolean)
    .join('\n\n');
}

function service(ctx: TagContext): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  td.use(gfm);
  td.remove(['script', 'style', 'noscript']);
  td.addRule('embed-card', {
    filter: (node) => node.nodeName === 'DIV' && node.hasAttribute('data-embed'),
    replacement: (_content, node) => {
      const embed = embedFor((node as HTMLElement).getAttribute('data-embed') ?? '');
      return embed ? embedCard(embed) : '';
    },
  });
  td.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute('src') ?? '';
      const embed = embedFor(src);
      if (embed) return embedCard(embed);
      ctx.notes.push({ class: 'embed', message: `iframe ${src} removed: link to it in the text if it matters` });
      return '';
    },
  });
  td.addRule('figure', {
    filter: 'figure',
    replacement: (content, node) => {
      const caption = (node as HTMLElement).querySelector('figcaption')?.textContent?.trim();
      const media = caption ? content.replace(caption, '').trim() : content.trim();
      return `\n\n${media}${caption ? `\n\n*${caption.replace(/\*/g, '\\*')}*` : ''}\n\n`;
    },
  });
  td.addRule('figcaption', { filter: 'figcaption', replacement: (content) => content });
  return td;
}

const IFRAME = /<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*(?:<\/iframe>)?/gi;

/** An embed's iframe inside a sentence becomes a link where it stood; one alone in its paragraph stays for the card. */
function inlineIframes(html: string): string {
  return html.replace(IFRAME, (whole: string, src: string, offset: number) => {
    const embed = embedFor(src);
    if (!embed || standsAlone(html.slice(0, offset), html.slice(offset + whole.length))) return whole;
    return embedAnchor(embed);
  });
}

export function htmlToMarkdown(html: string, ctx: TagContext): string {
  for (const m of html.matchAll(/<(script|style|object|embed|form)\b/gi))
    ctx.notes.push({ class: 'raw-html', message: `<${m[1]?.toLowerCase()}> removed (active or third-party content)` });
  const withShortcodes = convertWordPressShortcodes(html, ctx);
  const blocks = inlineIframes(autop(withShortcodes));
  return `${service(ctx).turndown(blocks).trim()}\n`;
}
