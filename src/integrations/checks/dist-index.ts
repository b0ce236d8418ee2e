import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { slashedBase } from '../../lib/urls.ts';

/** One built HTML page, parsed once and shared by every check. */
export interface BuiltPage {
  /** Path of the file relative to dist/, with forward slashes: "articles/x/index.html". */
  file: string;
  /** The URL path the page is served at, including the base: "/downstream/articles/x/". */
  url: string;
  html: string;
  root: HTMLElement;
  ids: Set<string>;
}

export interface DistIndex {
  dir: string;
  base: string;
  /** Every file in dist/, relative, with forward slashes. */
  files: Set<string>;
  /** HTML files, relative, in a stable order. */
  htmlFiles: string[];
  /** The ids (fragment targets) of one built HTML file, read on first use and remembered. */
  idsOf: (file: string) => Set<string>;
}

/** Every file under `dir` (a symbolic link counts as what it points to). */
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory())) walk(full, out);
    else out.push(full);
  }
  return out;
}

export function urlForFile(file: string, base: string): string {
  const b = slashedBase(base);
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return `${b}${file.slice(0, -'index.html'.length)}`;
  return `${b}${file}`;
}

/**
 * An index of a build that holds no parsed pages: on a 10,000-article archive, keeping every parsed page in memory
 * exhausted Node's heap. Pages are parsed one at a time by loadPage(); only their id sets are remembered.
 */
export function indexDist(dir: string, base: string): DistIndex {
  const files = new Set(walk(dir).map((f) => relative(dir, f).split(sep).join('/')));
  const htmlFiles = [...files].filter((f) => f.endsWith('.html')).sort();
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = collectIds(parse(readFileSync(join(dir, file), 'utf8'), { comment: false }));
      ids.set(file, set);
    }
    return set;
  };
  return { dir, base, files, htmlFiles, idsOf };
}

function collectIds(root: HTMLElement): Set<string> {
  const ids = new Set(root.querySelectorAll('[id]').map((e) => e.id));
  for (const a of root.querySelectorAll('a[name]')) ids.add(a.getAttribute('name')!);
  return ids;
}

/** Parses one built page. */
export function loadPage(site: DistIndex, file: string): BuiltPage {
  const html = readFileSync(join(site.dir, file), 'utf8');
  const root = parse(html, { comment: false });
  return { file, url: urlForFile(file, site.base), html, root, ids: collectIds(root) };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
