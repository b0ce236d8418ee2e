import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { ContentError } from './content-error.ts';

/**
 * The trust boundary of articles. Articles come from contributors; nothing they write may run code at build time or
 * in a reader's browser. On the Markdown/MDX syntax tree, before anything renders it:
 *
 * - MDX may import only from src/components/mdx/ (or nothing: the layout provides those components), may not
 *   export, and may use {expressions} only as literal props (strings, numbers, booleans, arrays and objects of
 *   them) of those components. Comments `{/* … *\/}` are fine.
 * - Raw HTML (in .md, and HTML elements written in .mdx) may not use <script>, <style>, <meta>, <base>, <link>,
 *   <object>, <embed>, <form> or <iframe> (unless its host is in IFRAME_HOSTS), event-handler attributes (on…),
 *   srcdoc/formaction, or javascript:/vbscript: URLs; neither may Markdown links and images.
 *
 * Problems carry the line in the source file. Maintainers can exempt an article (TRUSTED_ARTICLES in
 * src/trusted-content.ts): that file is code, reviewed like code.
 */

export interface TrustProblem {
  line?: number;
  message: string;
}

export interface TrustOptions {
  /** The repository root: import paths are checked against <root>/src/components/mdx/. */
  root: string;
  /** Hosts iframes may load from (exact host names). Empty: no iframes at all. */
  iframeHosts: readonly string[];
}

const DOC = 'docs/writing.md#what-contributors-may-write';
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'meta',
  'base',
  'link',
  'object',
  'embed',
  'form',
  'frame',
  'frameset',
  'applet',
]);
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'cite',
  'srcset',
]);

/** Browsers ignore ASCII whitespace and control characters inside a URL scheme (`java\tscript:`). */
const scriptUrl = (value: string): boolean =>
  // eslint-disable-next-line no-control-regex
  /^(javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''));

/** Names of the components in src/components/mdx/ (one .astro file each). */
export function mdxComponentNames(root: string): Set<string> {
  const dir = resolve(root, 'src/components/mdx');
  return new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.astro'))
      .map((f) => f.slice(0, -'.astro'.length)),
  );
}

function attributeProblems(
  tag: string,
  name: string,
  value: string | null | undefined,
  options: TrustOptions,
): string[] {
  const out: string[] = [];
  const lower = name.toLowerCase();
  if (/^on/.test(lower)) out.push(`<${tag} ${name}=…>: event-handler attributes run scripts; remove it`);
  else if (lower === 'srcdoc') out.push(`<${tag} srcdoc>: inline documents are not allowed; remove it`);
  else if (lower === 'formaction') out.push(`<${tag} formaction>: forms are not allowed; remove it`);
  else if (typeof value === 'string' && URL_ATTRS.has(lower) && scriptUrl(value))
    out.push(`<${tag} ${name}="${value.slice(0, 40)}">: javascript: URLs are not allowed; link to a page instead`);
  if (tag === 'iframe' && lower === 'src' && typeof value === 'string') {
    let host = '';
    try {
      host = new URL(value).host;
    } catch {
      /* not an absolute URL: refused below */
    }
    if (!options.iframeHosts.includes(host))
      out.push(
        options.iframeHosts.length
          ? `<iframe src="${value}">: iframes may only load from ${options.iframeHosts.join(', ')}; link to the page instead`
          : `<iframe>: embedded frames are not allowed; link to the page instead`,
      );
  }
  return out;
}

function tagProblems(tag: string, attrs: Record<string, string | null | undefined>, options: TrustOptions): string[] {
  const name = tag.toLowerCase();
  const out: string[] = [];
  if (FORBIDDEN_TAGS.has(name)) out.push(`<${name}> is not allowed in articles; remove it`);
  if (name === 'iframe' && !Object.keys(attrs).some((a) => a.toLowerCase() === 'src'))
    out.push(`<iframe>: embedded frames are not allowed; link to the page instead`);
  for (const [attr, value] of Object.entries(attrs)) out.push(...attributeProblems(name, attr, value, options));
  return out;
}

/** Problems in a chunk of raw HTML, with lines counted from `firstLine` (the line the HTML node starts on). */
export function rawHtmlProblems(html: string, firstLine: number | undefined, options: TrustOptions): TrustProblem[] {
  const out: TrustProblem[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(tag, attrs) {
        const line =
          firstLine === undefined
            ? undefined
            : firstLine + (html.slice(0, parser.startIndex).match(/\n/g)?.length ?? 0);
        for (const message of tagProblems(tag, attrs, options)) out.push({ line, message });
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: false, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

interface Node {
  type: string;
  position?: { start: { line: number } };
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
  data?: { estree?: Program };
}
interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: Program } };
}
interface Estree {
  type: string;
  [key: string]: unknown;
}
interface Program {
  body: Estree[];
}

/** A literal written in JavaScript syntax: a string, number, boolean, null, or an array/object of literals. */
function isLiteral(node: Estree | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return !('regex' in node && node.regex);
    case 'TemplateLiteral':
      return (node.expressions as unknown[]).length === 0;
    case 'UnaryExpression':
      return ['-', '+'].includes(node.operator as string) && (node.argument as Estree).type === 'Literal';
    case 'ArrayExpression':
      return (node.elements as (Estree | null)[]).every((e) => e === null || isLiteral(e));
    case 'ObjectExpression':
      return (node.properties as Estree[]).every(
        (p) =>
          p.type === 'Property' &&
          !p.computed &&
          !p.method &&
          p.kind === 'init' &&
          !p.shorthand &&
          isLiteral(p.value as Estree),
      );
    default:
      return false;
  }
}

export interface TreeOptions extends TrustOptions {
  /** The article's path (imports are resolved from it). */
  file: string;
  mdx: boolean;
  /** Added to every node's line (the front matter lines when the tree was parsed from the body alone). */
  lineOffset?: number;
}

/** Every problem of an article's syntax tree (mdast, with MDX nodes for .mdx). */
export function trustProblems(tree: Node, options: TreeOptions): TrustProblem[] {
  const out: TrustProblem[] = [];
  const offset = options.lineOffset ?? 0;
  const lineOf = (n: Node) => (n.position ? n.position.start.line + offset : undefined);
  const allowedDir = resolve(options.root, 'src/components/mdx') + sep;
  const components = mdxComponentNames(options.root);
  const imported = new Set<string>();
  const add = (n: Node, message: string) => out.push({ line: lineOf(n), message });

  const esm = (n: Node) => {
    for (const statement of n.data?.estree?.body ?? []) {
      // One ESM node holds consecutive import/export lines; each statement has its own line.
      const loc = (statement.loc as { start?: { line?: number } } | undefined)?.start?.line;
      const add = (_: Node, message: string) => out.push({ line: loc ? loc + offset : lineOf(n), message });
      if (statement.type === 'ImportDeclaration') {
        const source = String((statement.source as Estree).value);
        const target = source.startsWith('.') ? resolve(dirname(options.file), source) : undefined;
        if (!target || !target.startsWith(allowedDir) || /[?#]/.test(source)) {
          add(
            n,
            `import from "${source}" is not allowed: articles may import only from src/components/mdx/ (the components ${[...components].join(', ')} need no import)`,
          );
          continue;
        }
        for (const s of statement.specifiers as Estree[]) imported.add((s.local as Estree).name as string);
      } else if (statement.type.startsWith('Export')) {
        add(n, 'export is not allowed in articles: remove it (articles cannot define code)');
      } else add(n, `${statement.type} is not allowed in articles`);
    }
  };

  const jsx = (n: Node) => {
    const name = n.name ?? '';
    const isComponent = /^[A-Z]|\./.test(name);
    if (isComponent && !components.has(name) && !imported.has(name))
      add(
        n,
        `<${name}> is not one of the article components (${[...components].join(', ')}): use one of them or plain Markdown`,
      );
    const plain: Record<string, string | null | undefined> = {};
    for (const attr of n.attributes ?? []) {
      if (attr.type === 'mdxJsxExpressionAttribute') {
        add(n, `<${name} {…}>: spread attributes are not allowed; write each prop as a literal`);
        continue;
      }
      const value = attr.value;
      if (value && typeof value === 'object') {
        const expression = value.data?.estree?.body[0];
        const literal = expression?.type === 'ExpressionStatement' && isLiteral(expression.expression as Estree);
        if (!literal) {
          add(
            n,
            `<${name} ${attr.name}={${value.value}}>: only literal values (text, numbers, true/false) are allowed in props`,
          );
          continue;
        }
        plain[attr.name ?? ''] = String(value.value);
      } else plain[attr.name ?? ''] = value;
    }
    if (!isComponent && name) for (const message of tagProblems(name, plain, options)) add(n, message);
  };

  const walk = (n: Node) => {
    switch (n.type) {
      case 'mdxjsEsm':
        esm(n);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // {/* comment */} has an empty program; anything else is code.
        if ((n.data?.estree?.body.length ?? 0) > 0)
          add(
            n,
            `{${(n.value ?? '').trim().slice(0, 40)}} is not allowed: expressions run code; write the text, or escape the braces as \\{ \\}`,
          );
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsx(n);
        break;
      case 'html':
        out.push(...rawHtmlProblems(n.value ?? '', lineOf(n), options));
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (n.url && scriptUrl(n.url))
          add(n, `link to "${n.url.slice(0, 40)}": javascript: URLs are not allowed; link to a page instead`);
        break;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out.map((p) => ({ ...p, message: `${p.message} (see ${DOC})` }));
}

/**
 * Lines to add to a position in `processed` to get the line in the file: Astro renders a .md body without its
 * front matter (and without the blank lines after it), while MDX blanks the front matter out and keeps the lines.
 */
export function bodyLineOffset(path: string, processed: string): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  const head = processed.slice(0, 200);
  const at = head.trim() ? text.indexOf(head) : -1;
  return at > 0 ? (text.slice(0, at).match(/\n/g)?.length ?? 0) : 0;
}

/** Whether an article (absolute path) is on the maintainers' list of trusted articles. */
export function isTrusted(file: string, articlesDir: string, trusted: readonly string[]): boolean {
  const rel = relative(articlesDir, file).split(sep).join('/');
  return trusted.includes(rel);
}

export interface RemarkTrustOptions extends TrustOptions {
  /** content/articles/, to match TRUSTED_ARTICLES. */
  articlesDir: string;
  trusted: readonly string[];
}

/** The boundary as a remark plugin, first in the pipeline: refuses the whole file, listing every problem. */
export function remarkTrust(options: RemarkTrustOptions) {
  // Lines are those of the processed text; the guard (src/integrations/markdown-errors.ts) maps them to the file.
  return (tree: unknown, file: { path?: string }) => {
    const path = file.path ? resolve(file.path) : undefined;
    if (!path || isTrusted(path, resolve(options.articlesDir), options.trusted)) return;
    const problems = trustProblems(tree as Node, { ...options, file: path, mdx: path.endsWith('.mdx') });
    if (problems.length > 0) throw new ContentError(problems);
  };
}
