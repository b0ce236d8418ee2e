/**
 * The first step of `npm run build`: reads every file under content/ as written, before Astro parses anything,
 * and lists every problem at once with file, line, field and the fix. Each message points to the section of
 * docs/writing.md that explains the rule. Astro's own validation still runs afterwards as a second line.
 *
 * Why before Astro: YAML rolls impossible dates over (2024-02-30 becomes 1 March) before any schema sees them;
 * Astro's glob loader silently keeps one of two files whose slugs collide; it stops at the first invalid entry;
 * and it follows symlinks anywhere on the disk.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { z } from 'astro/zod';
import { articleSchema } from '../../src/schemas/article.ts';
import { distroSchema } from '../../src/schemas/distro.ts';
import { idRef, idsInFolder, idsInYamlList, refFiles } from '../../src/schemas/refs.ts';
import { buildClock } from '../../src/lib/clock.ts';
import { astroArticleId } from '../../src/lib/article-files.ts';
import { isTrusted, mdxComponentNames, trustProblems } from '../../src/lib/markdown/remark-trust.ts';
import { IFRAME_HOSTS, TRUSTED_ARTICLES } from '../../src/trusted-content.ts';

/** What a .md body must contain for the parsed checks to find anything: HTML, entities, script: URLs, ../ paths. */
const MAY_NEED_PARSE = /[<&]|script:|\.\.[\\/]/i;
/** The same for an .mdx body, whose tags are checked separately (mdxNeedsParse): expressions, entities, ESM lines. */
const MDX_MAY_NEED_PARSE = /[{}&]|script:|\.\.[\\/]|^[ \t]*(?:import|export)\b/im;
/** A component tag with literal string attributes only: <Name>, </Name>, <Name a="b" c="d">, <Name a="b" />. */
const LITERAL_TAG = /<(\/?)([A-Za-z][\w.]*)((?:\s+[A-Za-z][\w-]*="[^"<>{}]*")*)\s*(\/?)>/y;

/**
 * Whether an .mdx body can hold anything the parsed checks would report: true unless it has no expression, ESM,
 * entity, script: URL or ../ path, and every `<` opens a correctly nested tag of an article component whose props
 * are literal strings. Such bodies (nearly every real one) are left to Astro's own parse, which runs the same trust
 * checks (remark-trust.ts) and reports the same way; parsing them here as well cost a second MDX parse per file.
 */
export function mdxNeedsParse(body: string, components: ReadonlySet<string>): boolean {
  if (MDX_MAY_NEED_PARSE.test(body)) return true;
  const open: string[] = [];
  for (let at = body.indexOf('<'); at >= 0; at = body.indexOf('<', LITERAL_TAG.lastIndex)) {
    LITERAL_TAG.lastIndex = at;
    const m = LITERAL_TAG.exec(body);
    if (!m || !components.has(m[2]!)) return true;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (selfClosing || m[3] || open.pop() !== name) return true;
    } else if (!selfClosing) open.push(name!);
  }
  return open.length > 0;
}

/** Largest article source accepted, in bytes (docs/writing.md#size). About 15,000 words of Markdown. */
export const MAX_ARTICLE_BYTES = 100 * 1024;

const DOCS = 'docs/writing.md';
/** Sections of docs/writing.md each rule points to (their heading ids). */
export const DOC_SECTIONS = {
  yaml: `${DOCS}#front-matter`,
  dates: `${DOCS}#dates`,
  fields: `${DOCS}#articles`,
  distros: `${DOCS}#distributions`,
  urls: `${DOCS}#file-names-and-urls`,
  titles: `${DOCS}#titles`,
  body: `${DOCS}#body-and-size`,
  paths: `${DOCS}#images-and-files`,
  trust: `${DOCS}#what-contributors-may-write`,
} as const;

interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  doc: string;
  /** The source text, for a code frame around `line`. */
  text?: string;
}

/** A short code frame: two lines before, the line with a caret, one after. */
export function codeFrame(text: string, line: number, column?: number): string {
  const lines = text.split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`  ${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line && column) out.push(`    ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
  }
  return out.join('\n');
}

/** A path as the reader knows it: relative inside the repository, absolute elsewhere (CONTENT_DIR in /tmp). */
const shown = (file: string, root: string): string => {
  const rel = relative(root, file);
  return rel && !rel.startsWith('..') ? rel : file;
};

function format(p: Problem, root: string): string {
  const where = `${shown(p.file, root)}${p.line ? `:${p.line}` : ''}`;
  const frame = p.text && p.line ? `\n${codeFrame(p.text, p.line, p.column)}` : '';
  return `${where}: ${p.message}${frame}\n  see ${p.doc}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates as written

const DATE_KEYS = new Set([
  'pubDate',
  'updatedDate',
  'date',
  'released',
  'supportEnd',
  'eol',
  'latestDate',
  'verified',
]);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why a written date is not a real calendar date, or undefined when it is one. */
export function dateProblem(written: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    written,
  );
  if (!m) return `"${written}" is not written as YYYY-MM-DD`;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  if (mo! < 1 || mo! > 12) return `${written} has no month ${mo} (months are 01 to 12)`;
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (d! < 1 || d! > days) return `${written} does not exist: ${MONTHS[mo! - 1]} ${y} has ${days} days`;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return `${written} has an impossible time of day`;
  return undefined;
}

type Located = { line: number; column: number };

function locate(lines: LineCounter, node: YamlNode | null | undefined, lineOffset: number): Located | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const pos = lines.linePos(start);
  return { line: pos.line + lineOffset, column: pos.col };
}

/** Every date-like field in a YAML document whose written text is not a real date. */
function datesIn(doc: Document, lines: LineCounter, lineOffset: number, file: string, text: string): Problem[] {
  const out: Problem[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        if (DATE_KEYS.has(key) && isScalar(value) && value.value !== null) {
          const written = value.source ?? String(value.value);
          const problem = dateProblem(written);
          if (problem) {
            const at = locate(lines, value as YamlNode, lineOffset);
            out.push({
              file,
              ...at,
              message: `${[...path, key].join('.')}: ${problem}; write a real date as YYYY-MM-DD`,
              doc: DOC_SECTIONS.dates,
              text,
            });
          }
        } else visit(value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, String(i)]));
  };
  visit(doc.contents, []);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// YAML parsing with the right line and a code frame

interface Parsed {
  doc?: Document;
  lines: LineCounter;
  data: unknown;
  problems: Problem[];
}

function parseYaml(source: string, file: string, lineOffset: number, text: string): Parsed {
  const lines = new LineCounter();
  // YAML 1.2 core schema: dates stay the text that was written; the schemas coerce them.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    return {
      file,
      line: pos ? pos.line + lineOffset : undefined,
      column: pos?.col,
      message: `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      doc: DOC_SECTIONS.yaml,
      text,
    };
  });
  return { doc, lines, data: problems.length ? undefined : doc.toJS(), problems };
}

/** The front matter block of an article: its YAML, the line its YAML starts on, and the body after it. */
function splitFrontMatter(
  text: string,
): { yaml: string; yamlLine: number; body: string; bodyLine: number } | undefined {
  const m = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!m || m.index !== 0) return undefined;
  const yaml = m[1] ?? '';
  return { yaml, yamlLine: 1, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

// ---------------------------------------------------------------------------------------------------------------
// Schema errors with field and line

function schemaProblems(
  error: z.ZodError,
  parsed: Parsed,
  lineOffset: number,
  file: string,
  text: string,
  doc: string,
): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    // The deepest node that exists: a missing field points at its parent.
    let node: YamlNode | undefined;
    for (let n = path.length; n >= 0 && !node; n--)
      node = (n === 0 ? parsed.doc?.contents : parsed.doc?.getIn(path.slice(0, n), true)) as YamlNode | undefined;
    const at = locate(parsed.lines, node, lineOffset);
    const field = path.join('.');
    return { file, ...at, message: field ? `${field}: ${issue.message}` : issue.message, doc, text };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The tree: symlinks

/** Walks content/, refusing symlinks that leave the repository (or the content tree) and symlink loops. */
function walkTree(contentDir: string, root: string, problems: Problem[]): string[] {
  const files: string[] = [];
  const allowed = [realpathSync(root) + sep, realpathSync(contentDir) + sep];
  const inside = (p: string) => allowed.some((a) => p.startsWith(a));
  const walk = (dir: string, ancestors: Set<string>) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const link = lstatSync(full).isSymbolicLink();
      let real: string;
      try {
        real = realpathSync(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problems.push({
          file: full,
          message:
            code === 'ELOOP'
              ? 'symlink loop: the link points (through other links) back to itself; replace it with the file'
              : `broken symlink (${code}): it points to nothing; replace it with the file or delete it`,
          doc: DOC_SECTIONS.paths,
        });
        continue;
      }
      if (link && !inside(real)) {
        problems.push({
          file: full,
          message: `symlink to ${real}, outside the repository: content must live in content/; copy the file in instead`,
          doc: DOC_SECTIONS.paths,
        });
        continue;
      }
      if (statSync(real).isDirectory()) {
        if (ancestors.has(real)) {
          problems.push({
            file: full,
            message: 'symlink loop: the link points to a folder that contains it; remove the link',
            doc: DOC_SECTIONS.paths,
          });
          continue;
        }
        walk(full, new Set([...ancestors, real]));
      } else files.push(full);
    }
  };
  walk(contentDir, new Set([realpathSync(contentDir)]));
  return files;
}

// ---------------------------------------------------------------------------------------------------------------

interface Options {
  root: string;
  now?: Date;
}

/** Checks the whole content tree; returns formatted problems (empty when everything is fine). */
export function checkContentSources(contentDir: string, { root, now = buildClock() }: Options): string[] {
  const problems: Problem[] = [];
  const files = walkTree(contentDir, root, problems);
  const articlesDir = join(contentDir, 'articles');
  const contentReal = realpathSync(contentDir) + sep;

  const ids = (fn: () => string[]) => {
    try {
      return fn();
    } catch {
      return [];
    }
  };
  const where = refFiles(contentDir);
  const refs = {
    authors: idRef(
      'desk',
      ids(() => idsInFolder(`${contentDir}/authors`, '.yaml')),
      where.authors,
    ),
    distros: idRef(
      'distribution',
      ids(() => idsInFolder(`${contentDir}/distros`, '.yaml')),
      where.distros,
    ),
    topics: idRef(
      'topic',
      ids(() => idsInYamlList(`${contentDir}/topics.yaml`)),
      where.topics,
    ),
    series: idRef(
      'series',
      ids(() => idsInYamlList(`${contentDir}/series.yaml`)),
      where.series,
    ),
  };
  const articleImage = z.string({ error: 'expected the path of an image next to the article, e.g. ./images/x.jpg' });
  const schema = articleSchema(refs, articleImage, { now });
  const distro = distroSchema(refs.distros);

  const components = mdxComponentNames(root);
  const byId = new Map<string, string[]>();
  const byTitle = new Map<string, { file: string; line?: number }[]>();

  /** A path written in an article (hero.src, an image) must stay inside content/. */
  const checkPath = (file: string, written: string, line: number | undefined, what: string, text: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//') || written.startsWith('#')) return;
    if (written.startsWith('/')) return; // a site path (public/), checked by the link checker after the build
    const target = resolve(dirname(file), decodeURI(written.split(/[?#]/)[0]!));
    let real = target;
    try {
      real = realpathSync(target);
    } catch {
      /* missing: Astro reports it with the path */
    }
    if (!(target + sep).startsWith(contentReal) && !(resolve(target) + sep).startsWith(resolve(contentDir) + sep))
      problems.push({
        file,
        line,
        message: `${what} "${written}" points outside content/: put the file next to the article (e.g. ./images/) and link that`,
        doc: DOC_SECTIONS.paths,
        text,
      });
    else if (!real.startsWith(contentReal))
      problems.push({
        file,
        line,
        message: `${what} "${written}" is a symlink to ${real}, outside content/: copy the file in instead`,
        doc: DOC_SECTIONS.paths,
        text,
      });
  };

  for (const file of files) {
    const rel = relative(contentDir, file);
    const inArticles = rel.startsWith(`articles${sep}`);
    const base = file.slice(file.lastIndexOf(sep) + 1);
    if (base.startsWith('_')) continue;

    if (inArticles && /\.(md|mdx)$/.test(file)) {
      const bytes = statSync(file).size;
      const text = readFileSync(file, 'utf8');
      if (bytes > MAX_ARTICLE_BYTES) {
        problems.push({
          file,
          message: `the article is ${Math.round(bytes / 1024)} kB, over the ${MAX_ARTICLE_BYTES / 1024} kB limit: split it into a series of articles`,
          doc: DOC_SECTIONS.body,
        });
        continue;
      }
      const id = astroArticleId(relative(articlesDir, file));
      byId.set(id, [...(byId.get(id) ?? []), file]);

      const fm = splitFrontMatter(text);
      if (!fm) {
        problems.push({
          file,
          line: 1,
          message: 'the article must start with front matter between two lines of ---',
          doc: DOC_SECTIONS.yaml,
          text,
        });
        continue;
      }
      const offset = fm.yamlLine; // YAML line 1 is file line 2
      const parsed = parseYaml(fm.yaml, file, offset, text);
      problems.push(...parsed.problems);
      if (parsed.doc && parsed.problems.length === 0) {
        const dateIssues = datesIn(parsed.doc, parsed.lines, offset, file, text);
        problems.push(...dateIssues);
        const result = schema.safeParse(parsed.data);
        if (!result.success)
          problems.push(
            ...schemaProblems(result.error, parsed, offset, file, text, DOC_SECTIONS.fields).filter(
              // A date already reported as impossible needs no second message.
              (p) => !dateIssues.some((d) => d.line === p.line),
            ),
          );
        const data = parsed.data as { title?: unknown; hero?: { src?: unknown } } | undefined;
        if (typeof data?.title === 'string' && data.title.trim()) {
          const key = data.title.trim().toLowerCase().replace(/\s+/g, ' ');
          const at = locate(parsed.lines, parsed.doc.get('title', true) as YamlNode, offset);
          byTitle.set(key, [...(byTitle.get(key) ?? []), { file, line: at?.line }]);
        }
        if (typeof data?.hero?.src === 'string') {
          const at = locate(parsed.lines, parsed.doc.getIn(['hero', 'src'], true) as YamlNode, offset);
          checkPath(file, data.hero.src, at?.line, 'hero.src', text);
        }
      }

      if (fm.body.trim() === '') {
        problems.push({
          file,
          line: fm.bodyLine,
          message: 'the article has no text after its front matter: write the article, or delete the file',
          doc: DOC_SECTIONS.body,
        });
        continue;
      }

      // The body: paths of images, and the trust boundary (same code as the remark plugin in the build).
      const mdx = file.endsWith('.mdx');
      // A .md body without raw HTML, character references, a script: scheme or a ../ path cannot break a rule
      // checked here: skip parsing it (most articles; Astro parses them anyway). Likewise plain MDX.
      if (!mdx && !MAY_NEED_PARSE.test(fm.body)) continue;
      if (mdx && !mdxNeedsParse(fm.body, components)) continue;
      let tree: Parameters<typeof trustProblems>[0];
      try {
        const processor = unified().use(remarkParse).use(remarkGfm);
        if (mdx) processor.use(remarkMdx);
        tree = processor.parse(fm.body) as unknown as Parameters<typeof trustProblems>[0];
      } catch (error) {
        const e = error as { line?: number; column?: number; reason?: string; message: string };
        problems.push({
          file,
          line: e.line ? e.line + fm.bodyLine - 1 : undefined,
          column: e.column,
          message: `MDX syntax error: ${e.reason ?? e.message}`,
          doc: DOC_SECTIONS.trust,
          text,
        });
        continue;
      }
      const visitImages = (n: {
        type: string;
        url?: string;
        position?: { start: { line: number } };
        children?: unknown[];
      }) => {
        if ((n.type === 'image' || n.type === 'definition') && n.url)
          checkPath(file, n.url, n.position ? n.position.start.line + fm.bodyLine - 1 : undefined, 'image', text);
        for (const c of (n.children ?? []) as (typeof n)[]) visitImages(c);
      };
      visitImages(tree as never);
      if (!isTrusted(file, articlesDir, TRUSTED_ARTICLES)) {
        for (const p of trustProblems(tree, {
          root,
          iframeHosts: IFRAME_HOSTS,
          file,
          mdx,
          lineOffset: fm.bodyLine - 1,
        }))
          problems.push({
            file,
            line: p.line,
            message: p.message.replace(/ \(see [^)]+\)$/, ''),
            doc: DOC_SECTIONS.trust,
          });
      }
    } else if (/\.ya?ml$/.test(file)) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseYaml(text, file, 0, text);
      problems.push(...parsed.problems);
      if (parsed.doc && parsed.problems.length === 0) {
        problems.push(...datesIn(parsed.doc, parsed.lines, 0, file, text));
        if (rel.startsWith(`distros${sep}`)) {
          const result = distro.safeParse(parsed.data);
          if (!result.success)
            problems.push(...schemaProblems(result.error, parsed, 0, file, text, DOC_SECTIONS.distros));
        }
      }
    }
  }

  for (const [id, sources] of byId)
    if (sources.length > 1)
      problems.push({
        file: sources[0]!,
        message: `${sources.map((s) => shown(s, root)).join(' and ')} would both publish /articles/${id}/: rename one of them (a file name becomes the URL lower-cased, with spaces as hyphens)`,
        doc: DOC_SECTIONS.urls,
      });
  for (const [, uses] of byTitle)
    if (uses.length > 1)
      problems.push({
        file: uses[0]!.file,
        line: uses[0]!.line,
        message: `the same title is used by ${uses.map((u) => `${shown(u.file, root)}${u.line ? `:${u.line}` : ''}`).join(' and ')}: titles must be unique; make each one say what is different`,
        doc: DOC_SECTIONS.titles,
      });

  return problems.map((p) => format(p, root));
}
