import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { articleFiles } from '../../lib/article-files.ts';

/** Two files that would publish at the same URL: the glob loader would silently keep only one. */
export function duplicateArticleUrls(dir: string): string[] {
  return [...articleFiles(dir).entries()]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => `${files.join(' and ')} would both publish /articles/${id}/: rename one of them`);
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdNode[];
}

/**
 * Lines (1-based, in the file) of every link and image target written in an article: Markdown links, images and
 * definitions, raw HTML href/src, and MDX element props, from the positions of the parsed source.
 */
export function linkTargets(file: string): { url: string; line: number }[] {
  const text = readFileSync(file, 'utf8');
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const body = fm ? text.slice(fm[0].length) : text;
  const offset = fm ? fm[0].split('\n').length - 1 : 0;
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  let tree: MdNode;
  try {
    tree = processor.parse(body) as unknown as MdNode;
  } catch {
    return [];
  }
  const out: { url: string; line: number }[] = [];
  const walk = (n: MdNode) => {
    const line = (n.position?.start.line ?? 1) + offset;
    if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.url) out.push({ url: n.url, line });
    if (n.type === 'html' && n.value) {
      const html = n.value;
      const parser: Parser = new Parser({
        onopentag(_tag, attrs) {
          const at = line + (html.slice(0, parser.startIndex).match(/\n/g)?.length ?? 0);
          for (const k of ['href', 'src']) if (attrs[k]) out.push({ url: attrs[k], line: at });
        },
      });
      parser.write(html);
      parser.end();
    }
    for (const a of n.attributes ?? [])
      if ((a.name === 'href' || a.name === 'src') && typeof a.value === 'string') out.push({ url: a.value, line });
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/** The line where an article writes a link to `target` (a site path without base, or an absolute URL). */
export function lineOfTarget(file: string, targets: string[]): number | undefined {
  const all = linkTargets(file);
  for (const t of targets) {
    const hit = all.find((l) => l.url === t);
    if (hit) return hit.line;
  }
  return undefined;
}
