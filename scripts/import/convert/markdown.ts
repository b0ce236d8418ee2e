/**
 * The last pass over every imported body, whatever the source: kramdown attribute lists and heading ids go,
 * :emoji: codes become characters, and every link and image URL (Markdown and raw HTML alike) is rewritten
 * against the old site: posts that came along point at their new URL, local files are copied, remote ones stay.
 * Edits are spliced into the source at the positions remark reports, so everything else stays byte-for-byte.
 */
import type { Root, Nodes } from 'mdast';
import { emojify } from 'node-emoji';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { embedAnchor, embedCard, embedFor, embedLink } from './embeds.ts';
import type { Note } from './shortcodes.ts';

export interface LinkContext {
  /** Rewrites one URL found in the body; `image` says whether it is an image source. */
  rewrite: (url: string, kind: 'link' | 'image') => string;
  notes: Note[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function parse(src: string): Root {
  return parser.parse(src);
}

function applyEdits(src: string, edits: Edit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const offsets = (n: Nodes) => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0] as const;

/** Kramdown IALs ({:target="_blank"}, {: .class}), heading ids ({#id}) and {:toc} markers: the site does their job. */
const IAL = /\{:[^}\n]*\}|\{#[A-Za-z][\w-]*\}/g;

/** Removes IALs and turns :emoji: codes into characters, in prose only (never in code or URLs). */
export function cleanProse(src: string, notes: Note[]): string {
  const withoutToc = src.replace(/^[ \t]*[*-][ \t]+(?:TOC|Table of contents)[ \t]*\n[ \t]*\{:toc\}[ \t]*$/gim, '');
  const tree = parse(withoutToc);
  const edits: Edit[] = [];
  let ials = 0;
  visit(tree, 'text', (node) => {
    const [start, end] = offsets(node);
    const slice = withoutToc.slice(start, end);
    let removed = false;
    let next = slice.replace(IAL, () => {
      ials += 1;
      removed = true;
      return '';
    });
    next = emojify(next);
    if (removed) next = next.replace(/[ \t]+$/, '');
    if (next !== slice) edits.push({ start, end, text: next });
  });
  if (ials) notes.push({ class: 'converted', message: `${ials} kramdown attribute list(s) removed` });
  return applyEdits(withoutToc, edits);
}

/** `](url "title")` → the [start, end) of `url` inside `slice`, from the index of `](` on. */
function destination(slice: string, from: number): [number, number] | undefined {
  let i = from;
  while (slice[i] === ' ' || slice[i] === '\n') i++;
  if (slice[i] === '<') {
    const close = slice.indexOf('>', i);
    return close > i ? [i, close + 1] : undefined;
  }
  const s = i;
  let depth = 0;
  for (; i < slice.length; i++) {
    const c = slice[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ' ' || c === '\n') break;
  }
  return i > s ? [s, i] : undefined;
}

const wrap = (url: string) => (/[\s()<>]/.test(url) ? `<${url}>` : url);

/** HTML attribute rewriting inside a raw HTML node; iframes of known embeds become link cards. */
function rewriteHtml(html: string, ctx: LinkContext, inline = false): string {
  // The closing tag of an inline iframe whose opening tag became a link or card.
  if (/^\s*<\/iframe>\s*$/i.test(html)) return '';
  const iframe = html.match(/^\s*<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*(?:<\/iframe>)?\s*$/i);
  if (iframe?.[1]) {
    const embed = embedFor(iframe[1]);
    if (embed) return inline ? embedLink(embed) : embedCard(embed).trim();
    ctx.notes.push({ class: 'embed', message: `iframe ${iframe[1]} removed: link to it in the text if it matters` });
    return '';
  }
  // An embed's iframe inside an HTML block with other content: a link where it stood.
  html = html.replace(/<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*(?:<\/iframe>)?/gi, (whole, src: string) => {
    const embed = embedFor(src);
    return embed ? embedAnchor(embed) : whole;
  });
  if (/<(iframe|script|style|object|embed)\b/i.test(html)) {
    ctx.notes.push({
      class: 'raw-html',
      message: `raw HTML with <${html.match(/<(iframe|script|style|object|embed)\b/i)?.[1]}> removed (third-party or active content)`,
    });
    return html.replace(/<(iframe|script|style|object|embed)\b[\s\S]*?(?:<\/\1>|\/>|$)/gi, '');
  }
  // A lone local <img> becomes a Markdown image, so Astro resolves and optimises the copied file.
  const lone = html.match(/^<img\b[^>]*>$/i);
  if (lone) {
    const src = html.match(/\ssrc\s*=\s*["']([^"']*)["']/i)?.[1];
    const alt = html.match(/\salt\s*=\s*["']([^"']*)["']/i)?.[1] ?? '';
    const next = src === undefined ? undefined : ctx.rewrite(src, 'image');
    if (next?.startsWith('./')) {
      if (!alt.trim()) ctx.notes.push({ class: 'missing-alt', message: `raw HTML image without alt text: ${src}` });
      return `![${alt.replace(/([[\]])/g, '\\$1')}](${next})`;
    }
  }
  let out = html.replace(
    /(<(a|img|source)\b[^>]*?\s)(href|src)(\s*=\s*)(["'])([^"']*)\5/gi,
    (_, pre: string, tag: string, attr: string, eq: string, q: string, url: string) =>
      `${pre}${attr}${eq}${q}${ctx.rewrite(url, tag.toLowerCase() === 'a' ? 'link' : 'image')}${q}`,
  );
  out = out.replace(/<img\b(?![^>]*\balt\s*=\s*["'][^"']+["'])[^>]*>/gi, (img) => {
    ctx.notes.push({ class: 'missing-alt', message: `raw HTML image without alt text: ${img.slice(0, 120)}` });
    return img;
  });
  return out;
}

/** Three or more blank lines become one, outside fenced code (conversions leave gaps where tags were). */
export function tidyBlankLines(src: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let blank = 0;
  for (const line of src.split('\n')) {
    const f = line.match(/^\s{0,3}(`{3,}|~{3,})/)?.[1];
    if (f && (!fence || f.startsWith(fence))) fence = fence ? undefined : f;
    if (!fence && !line.trim()) {
      if (++blank > 1) continue;
    } else blank = 0;
    out.push(fence ? line : line.replace(/[ \t]+$/, ''));
  }
  return `${out.join('\n').trim()}\n`;
}

/** Rewrites every link and image URL (Markdown links, images, definitions, autolinks and raw HTML). */
export function rewriteLinks(src: string, ctx: LinkContext): string {
  const tree = parse(src);
  const edits: Edit[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type === 'html') {
      const [start, end] = offsets(node);
      // Inline HTML with other content in its paragraph (an iframe inside a sentence).
      const inline =
        parent?.type === 'paragraph' &&
        parent.children.some(
          (c) =>
            c !== node &&
            !(c.type === 'html' && /^<\/iframe>$/i.test(c.value.trim())) &&
            !(c.type === 'text' && !c.value.trim()),
        );
      const next = rewriteHtml(node.value, ctx, inline);
      if (next !== node.value) edits.push({ start, end, text: next });
      return;
    }
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const [start, end] = offsets(node);
    const slice = src.slice(start, end);
    const kind = node.type === 'image' ? 'image' : 'link';
    if (node.type === 'image' && !node.alt?.trim())
      ctx.notes.push({ class: 'missing-alt', message: `image without alt text: ${node.url}` });
    if (node.type === 'definition') {
      const colon = slice.indexOf(']:');
      const d = colon >= 0 ? destination(slice, colon + 2) : undefined;
      if (d) {
        const next = ctx.rewrite(node.url, kind);
        if (next !== node.url) edits.push({ start: start + d[0], end: start + d[1], text: wrap(next) });
      }
      return;
    }
    const childEnd =
      node.type === 'link' && node.children.length ? (node.children.at(-1)?.position?.end.offset ?? start) : start;
    const marker = slice.indexOf('](', Math.max(0, childEnd - start));
    const next = ctx.rewrite(node.url, kind);
    if (next === node.url) return;
    if (marker < 0) {
      // An autolink (<https://…> or a bare URL): the text stays what readers saw, the target moves.
      if (node.type === 'link' && !slice.startsWith('['))
        edits.push({ start, end, text: `[${slice.replace(/^<|>$/g, '')}](${wrap(next)})` });
      return;
    }
    const d = destination(slice, marker + 2);
    if (d) edits.push({ start: start + d[0], end: start + d[1], text: wrap(next) });
    return;
  });
  return applyEdits(src, edits);
}
