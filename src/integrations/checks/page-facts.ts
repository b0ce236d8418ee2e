/**
 * What the article checks need from one built page, read in one streaming pass (htmlparser2) instead of building a
 * DOM: the ids the page offers as #fragment targets, and from inside its `.article-body` (content written by
 * editors) the internal links to resolve, the images without alt text, the external links without the external
 * marking, and the remote images. Everything here depends on the page's bytes alone, so it can be cached by a hash
 * of the page (page-facts-cache.ts); resolving links and anchors against the other pages happens fresh every build.
 *
 * It reads a page as the DOM checks of rules.ts do (node-html-parser): the text of <pre>, <noscript>, <script> and
 * <style> is not markup, a line is 1-based in the file, attribute values are decoded.
 */
import { Parser } from 'htmlparser2';
import { EXTERNAL_CLASS } from '../../lib/external-links.ts';

/** An element inside the article body carrying a URL attribute that must resolve within the build. */
export interface LinkFact {
  attr: string;
  /** The attribute's value as written (decoded). */
  raw: string;
  line: number;
  /** An <a>: its #fragment must name an id on the target page. */
  anchor: boolean;
}

/** A problem found from the page alone (alt text, external-link marking). */
export interface LocalProblem {
  check: string;
  line: number;
  message: string;
  target?: string;
}

export interface RemoteImage {
  host: string;
  src: string;
  line: number;
}

export interface PageFacts {
  /** Every id on the page, and the names of <a name> (the fragment targets). */
  ids: string[];
  /** Internal-link candidates in the article body, in the order the link check reports them. */
  links: LinkFact[];
  /** Missing alt text first, then external-link marking, each in document order. */
  local: LocalProblem[];
  /** Images of the article body loaded from another host (or protocol-relative), in document order. */
  remote: RemoteImage[];
}

/** The elements whose URL attribute must resolve, in the order the link check visits them. */
const URL_ATTRS: Record<string, [attr: string, order: number]> = {
  a: ['href', 0],
  link: ['href', 1],
  script: ['src', 2],
  img: ['src', 3],
  source: ['src', 4],
  iframe: ['src', 5],
  form: ['action', 6],
};

/** Elements whose content is text, not markup, until the first closing tag of the same name. */
const TEXT_ONLY = new Set(['pre', 'noscript', 'script', 'style']);

const hasClass = (attrs: Record<string, string>, name: string) =>
  attrs.class !== undefined && attrs.class.split(/\s+/).includes(name);

/** Reads the facts of one built HTML page. */
export function pageFacts(html: string): PageFacts {
  const ids: string[] = [];
  const links: (LinkFact & { order: number; at: number })[] = [];
  const alt: LocalProblem[] = [];
  const external: LocalProblem[] = [];
  const remote: RemoteImage[] = [];

  // Line numbers: newlines are counted forward from the last element's start (start indexes only grow).
  let counted = 0;
  let line = 1;
  const lineOf = (index: number) => {
    for (let i = html.indexOf('\n', counted); i !== -1 && i < index; i = html.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };

  /** Per open element: whether it is or sits inside an article body. */
  const inBody: boolean[] = [];
  let textOnly: string | undefined;
  let textOnlyDepth = 0;
  let seen = 0;

  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (textOnly) {
          textOnlyDepth++;
          return;
        }
        const body = hasClass(attrs, 'article-body') || (inBody.at(-1) ?? false);
        inBody.push(body);
        if (TEXT_ONLY.has(name)) textOnly = name;
        if (attrs.id !== undefined) ids.push(attrs.id);
        if (name === 'a' && attrs.name !== undefined) ids.push(attrs.name);
        if (!body) return;
        const at = lineOf(parser.startIndex);
        const url = URL_ATTRS[name];
        if (url && attrs[url[0]] !== undefined)
          links.push({ attr: url[0], raw: attrs[url[0]]!, line: at, anchor: name === 'a', order: url[1], at: seen++ });
        if (name === 'img') {
          const text = attrs.alt;
          if (text === undefined || (text.trim() === '' && attrs.role !== 'presentation'))
            alt.push({
              check: 'images',
              line: at,
              message: `<img src="${attrs.src}"> has no alt text`,
              target: attrs.src,
            });
        }
        if (name === 'a' && attrs.href?.startsWith('http')) {
          const href = attrs.href;
          const rel = (attrs.rel ?? '').split(/\s+/);
          if (!rel.includes('noopener'))
            external.push({
              check: 'external',
              line: at,
              message: `external link ${href} lacks rel="noopener"`,
              target: href,
            });
          if (!rel.includes(EXTERNAL_CLASS) && !hasClass(attrs, EXTERNAL_CLASS))
            external.push({
              check: 'external',
              line: at,
              message: `external link ${href} is not marked as external`,
              target: href,
            });
        }
        if ((name === 'img' && attrs.src !== undefined) || (name === 'source' && attrs.srcset !== undefined)) {
          const src = attrs.src ?? attrs.srcset?.split(/\s/)[0] ?? '';
          if (/^(https?:)?\/\//i.test(src))
            remote.push({ host: new URL(src, 'https://site.invalid').hostname, src, line: at });
        }
      },
      onclosetag(name) {
        if (textOnly) {
          if (textOnlyDepth > 0 && name !== textOnly) {
            textOnlyDepth--;
            return;
          }
          if (name !== textOnly) return;
          textOnly = undefined;
          textOnlyDepth = 0;
        }
        inBody.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  links.sort((a, b) => a.order - b.order || a.at - b.at);
  return {
    ids,
    links: links.map(({ attr, raw, line: l, anchor }) => ({ attr, raw, line: l, anchor })),
    local: [...alt, ...external],
    remote,
  };
}
