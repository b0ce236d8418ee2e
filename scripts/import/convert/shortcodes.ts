/**
 * Template tags that only meant something to the old generator: Jekyll's Liquid, Hugo's shortcodes and
 * WordPress's shortcodes. Each known tag becomes plain Markdown/HTML; an unknown one is reported so a person can
 * decide, never silently dropped. These are small tag languages, not Markdown or HTML: a tokenizer reads them.
 */
import { embedAnchor, embedCard, embedFor, embedLink, standsAlone, type Embed } from './embeds.ts';

export interface Note {
  class: string;
  message: string;
}

export interface TagContext {
  /** New URL (or old root-relative path) for a Jekyll `post_url` name or a Hugo `ref` target, if it was imported. */
  resolvePost: (ref: string) => string | undefined;
  title: string;
  notes: Note[];
}

/** `key="v" key='v' key=v "positional" positional` → named and positional arguments. */
export function parseArgs(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  const re = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) named[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    else positional.push(m[5] ?? m[6] ?? m[7] ?? '');
  }
  return { named, positional };
}

const fence = (lang: string, code: string) => {
  const body = code.replace(/^\n+|\s+$/g, '');
  const ticks = body.includes('```') ? '````' : '```';
  return `\n\n${ticks}${lang}\n${body}\n${ticks}\n\n`;
};

const figure = (src: string, alt: string, caption: string | undefined) =>
  `\n\n![${alt.replace(/([[\]])/g, '\\$1')}](${src.includes(' ') ? `<${src}>` : src})${caption ? `\n\n*${caption.trim()}*` : ''}\n\n`;

/** Jekyll Liquid → Markdown. Liquid runs everywhere in a Jekyll page (code blocks included), so this does too. */
export function convertLiquid(src: string, ctx: TagContext): string {
  let out = '';
  let i = 0;
  const tag = /\{%-?\s*([\s\S]*?)\s*-?%\}|\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
  while (i < src.length) {
    tag.lastIndex = i;
    const m = tag.exec(src);
    if (!m) {
      out += src.slice(i);
      break;
    }
    out += src.slice(i, m.index);
    i = m.index + m[0].length;
    if (m[2] !== undefined) {
      out += liquidOutput(m[2], m[0], ctx);
      continue;
    }
    const body = m[1] ?? '';
    const name = body.split(/\s+/, 1)[0] ?? '';
    const rest = body.slice(name.length).trim();
    const block = (end: string) => {
      const close = new RegExp(`\\{%-?\\s*${end}\\s*-?%\\}`, 'g');
      close.lastIndex = i;
      const c = close.exec(src);
      if (!c) {
        ctx.notes.push({ class: 'liquid', message: `{% ${name} %} has no {% ${end} %}: left as text` });
        return undefined;
      }
      const inner = src.slice(i, c.index);
      i = c.index + c[0].length;
      return inner;
    };
    switch (name) {
      case 'highlight': {
        const inner = block('endhighlight');
        out += inner === undefined ? m[0] : fence(rest.split(/\s+/)[0] ?? '', convertLiquid(inner, ctx));
        break;
      }
      case 'raw': {
        const inner = block('endraw');
        out += inner ?? m[0];
        break;
      }
      case 'comment': {
        if (block('endcomment') === undefined) out += m[0];
        break;
      }
      case 'post_url': {
        const url = ctx.resolvePost(rest);
        if (url) out += url;
        else {
          ctx.notes.push({
            class: 'broken-link',
            message: `{% post_url ${rest} %} names a post that was not imported`,
          });
          out += `#post-not-imported-${rest.replace(/[^A-Za-z0-9-]/g, '-')}`;
        }
        break;
      }
      case 'link':
        out += `/${rest.replace(/^\/|["']/g, '')}`;
        break;
      case 'youtube':
      case 'vimeo':
      case 'tweet':
      case 'twitter':
      case 'include':
      case 'include_relative': {
        const { named, positional } = parseArgs(rest);
        const file = name.startsWith('include') ? (positional[0] ?? '') : name;
        const target =
          named.id ?? named.url ?? named.src ?? (name.startsWith('include') ? positional[1] : positional[0]);
        const embed =
          /youtube|vimeo|tweet|twitter/i.test(file) && target ? embedFor(embedTarget(file, target)) : undefined;
        if (embed) out += standsAlone(out, src.slice(i)) ? embedCard(embed) : embedLink(embed);
        else
          ctx.notes.push({
            class: 'liquid',
            message: `{% ${body} %} (an include of the old theme) was removed: add its content by hand if it mattered`,
          });
        break;
      }
      default:
        ctx.notes.push({ class: 'liquid', message: `Liquid tag {% ${body} %} was removed: check the text around it` });
    }
  }
  return out;
}

function embedTarget(kind: string, target: string): string {
  if (/^https?:|^\/\//.test(target)) return target;
  if (/vimeo/i.test(kind)) return `https://vimeo.com/${target}`;
  return target;
}

function liquidOutput(expr: string, whole: string, ctx: TagContext): string {
  const [value = '', ...filters] = expr.split('|').map((s) => s.trim());
  if (/^site\.(baseurl|url)$/.test(value)) return '';
  if (value === 'page.title') return ctx.title;
  const literal = value.match(/^["'](.*)["']$/)?.[1];
  if (literal !== undefined && filters.every((f) => /^(relative_url|absolute_url|prepend:\s*site\.baseurl)$/.test(f)))
    return literal;
  ctx.notes.push({ class: 'liquid', message: `Liquid output ${whole} was left as text: replace it by hand` });
  return whole;
}

/** Hugo shortcodes ({{< name >}}, {{% name %}}) → Markdown. */
export function convertHugoShortcodes(src: string, ctx: TagContext): string {
  const open = /\{\{([<%])\s*(\/?)([\w./-]+)([\s\S]*?)\s*[>%]\}\}/g;
  let out = '';
  let i = 0;
  while (i < src.length) {
    open.lastIndex = i;
    const m = open.exec(src);
    if (!m) {
      out += src.slice(i);
      break;
    }
    out += src.slice(i, m.index);
    i = m.index + m[0].length;
    const name = m[3] ?? '';
    if (m[2]) continue; // a stray closing tag of a shortcode handled below
    const { named, positional } = parseArgs(m[4] ?? '');
    // A card only for an embed alone in its paragraph; inside a sentence it stays a link.
    const hugoEmbed = (e: Embed) => (standsAlone(out, src.slice(i)) ? embedCard(e) : embedLink(e));
    const paired = () => {
      const close = new RegExp(`\\{\\{[<%]\\s*/${name.replace(/[.]/g, '\\.')}\\s*[>%]\\}\\}`, 'g');
      close.lastIndex = i;
      const c = close.exec(src);
      if (!c) return undefined;
      const inner = src.slice(i, c.index);
      i = c.index + c[0].length;
      return inner;
    };
    switch (name) {
      case 'youtube':
      case 'vimeo': {
        const id = named.id ?? positional[0] ?? '';
        const embed = embedFor(name === 'vimeo' ? `https://vimeo.com/${id}` : id);
        if (embed) out += hugoEmbed(embed);
        else ctx.notes.push({ class: 'shortcode', message: `${m[0]}: no video id, removed` });
        break;
      }
      case 'tweet':
      case 'x': {
        const user = named.user ?? (positional.length > 1 ? positional[0] : undefined) ?? 'i';
        const id = named.id ?? positional[positional.length - 1] ?? '';
        const embed = embedFor(`https://x.com/${user}/status/${id}`);
        if (embed) out += hugoEmbed(embed);
        else ctx.notes.push({ class: 'shortcode', message: `${m[0]}: no post id, removed` });
        break;
      }
      case 'gist': {
        const [user, id] = [named.user ?? positional[0], named.id ?? positional[1]];
        const embed = user && id ? embedFor(`https://gist.github.com/${user}/${id}`) : undefined;
        if (embed) out += hugoEmbed(embed);
        else ctx.notes.push({ class: 'shortcode', message: `${m[0]}: incomplete gist, removed` });
        break;
      }
      case 'figure': {
        const src2 = named.src ?? '';
        if (!named.alt) ctx.notes.push({ class: 'missing-alt', message: `figure ${src2} has no alt text` });
        out += figure(src2, named.alt ?? '', named.caption ?? named.title);
        break;
      }
      case 'ref':
      case 'relref': {
        const target = named.path ?? positional[0] ?? '';
        const url = ctx.resolvePost(target);
        if (url) out += url;
        else {
          ctx.notes.push({ class: 'broken-link', message: `${m[0]} names a page that was not imported` });
          out += `#page-not-imported`;
        }
        break;
      }
      case 'highlight': {
        const inner = paired();
        out += inner === undefined ? m[0] : fence(positional[0] ?? '', inner);
        break;
      }
      default: {
        const inner = /^\s*$/.test(m[4] ?? '') || m[1] === '%' ? paired() : undefined;
        ctx.notes.push({
          class: 'shortcode',
          message: `unknown Hugo shortcode ${m[0]} removed${inner !== undefined ? ' (its inner text kept)' : ''}`,
        });
        if (inner !== undefined) out += inner;
      }
    }
  }
  return out;
}

const WP_SHORTCODE =
  /\[(\/?)(caption|wp_caption|embed|youtube|vimeo|video|audio|gallery|code|sourcecode|tweet)\b([^\]]*)\]/g;

/**
 * WordPress shortcodes in post HTML → HTML turndown understands (figure, pre/code) or an embed placeholder.
 * Square brackets are common in prose ([1], [sic]), so only known shortcode names are touched.
 */
export function convertWordPressShortcodes(html: string, ctx: TagContext): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    WP_SHORTCODE.lastIndex = i;
    const m = WP_SHORTCODE.exec(html);
    if (!m) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, m.index);
    i = m.index + m[0].length;
    const name = m[2] ?? '';
    if (m[1]) continue;
    const attrs = (m[3] ?? '').replace(/\/$/, '');
    const { named, positional } = parseArgs(attrs);
    const paired = () => {
      const close = `[/${name}]`;
      const c = html.indexOf(close, i);
      if (c < 0) return undefined;
      const inner = html.slice(i, c);
      i = c + close.length;
      return inner;
    };
    switch (name) {
      case 'caption':
      case 'wp_caption': {
        const inner = paired() ?? '';
        const media = inner.match(/^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i)?.[0] ?? '';
        const text = (named.caption ?? inner.slice(media.length)).trim();
        out += `<figure>${media}<figcaption>${text}</figcaption></figure>`;
        break;
      }
      case 'embed':
      case 'youtube':
      case 'vimeo':
      case 'video':
      case 'tweet': {
        const inner = name === 'embed' || (name === 'video' && !named.src && !named.mp4) ? (paired() ?? '') : '';
        const target = (inner || named.src || named.mp4 || named.url || named.id || positional[0] || '').trim();
        const embed = embedFor(name === 'vimeo' && /^\d+$/.test(target) ? `https://vimeo.com/${target}` : target);
        if (embed) out += standsAlone(out, html.slice(i)) ? embedPlaceholder(embed.url) : embedAnchor(embed);
        else if (target) {
          out += `<p><a href="${target}">${target}</a></p>`;
          ctx.notes.push({ class: 'embed', message: `[${name}] ${target}: not a known embed, kept as a plain link` });
        } else ctx.notes.push({ class: 'shortcode', message: `[${name}${attrs}] has nothing to show, removed` });
        break;
      }
      case 'audio': {
        const src = named.src ?? named.mp3 ?? named.ogg ?? '';
        out += src ? `<p><a href="${src}">Audio: ${src.split('/').pop()}</a></p>` : '';
        ctx.notes.push({ class: 'shortcode', message: `[audio] became a plain link to ${src || '(nothing)'}` });
        break;
      }
      case 'gallery':
        ctx.notes.push({
          class: 'shortcode',
          message: `[gallery${attrs}] removed: the export lists attachment ids only; add the images by hand`,
        });
        break;
      case 'code':
      case 'sourcecode': {
        const inner = paired() ?? '';
        const lang = named.lang ?? named.language ?? '';
        out += `<pre><code${lang ? ` class="language-${lang}"` : ''}>${inner.replace(/</g, '&lt;')}</code></pre>`;
        break;
      }
    }
  }
  return out;
}

/** An element turndown turns into the embed card (see html-to-markdown). */
export function embedPlaceholder(url: string): string {
  // Not empty: turndown drops blank elements before any rule sees them.
  const safe = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<div data-embed="${safe}">${safe}</div>`;
}
