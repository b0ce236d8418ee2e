import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Article source files by the id Astro's glob loader gives them (path without extension, lower-cased). */
export function articleFiles(dir: string): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|mdx)$/.test(name) && !name.startsWith('_')) {
        const id = relative(dir, full)
          .split(sep)
          .join('/')
          .replace(/\.(md|mdx)$/, '')
          .toLowerCase();
        byId.set(id, [...(byId.get(id) ?? []), full]);
      }
    }
  };
  walk(dir);
  return byId;
}

/** Two files that would publish at the same URL: the glob loader would silently keep only one. */
export function duplicateArticleUrls(dir: string): string[] {
  return [...articleFiles(dir).entries()]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => `${files.join(' and ')} would both publish /articles/${id}/: rename one of them`);
}

/** Line of the first occurrence of `needle` in a source file (1-based), or undefined. */
export function lineOf(file: string, needle: string): number | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return i >= 0 ? i + 1 : undefined;
}
