import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

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
  pages: Map<string, BuiltPage>;
  /** Every file in dist/, relative, with forward slashes. */
  files: Set<string>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

export function urlForFile(file: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return `${b}${file.slice(0, -'index.html'.length)}`;
  return `${b}${file}`;
}

export function indexDist(dir: string, base: string): DistIndex {
  const files = new Set(walk(dir).map((f) => relative(dir, f).split(sep).join('/')));
  const pages = new Map<string, BuiltPage>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(dir, file), 'utf8');
    const root = parse(html, { comment: false });
    const ids = new Set(root.querySelectorAll('[id]').map((e) => e.id));
    for (const a of root.querySelectorAll('a[name]')) ids.add(a.getAttribute('name')!);
    const url = urlForFile(file, base);
    pages.set(url, { file, url, html, root, ids });
  }
  return { dir, base, pages, files };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
