/**
 * Article source files on disk and the ids Astro's glob loader gives them, for code that reads content/ without
 * the content layer: the build's content pre-check and post-build checks, redirects of imported articles, the
 * lifecycle data hook.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';

/** Astro's default id of a content file: each path segment through github-slugger, a trailing /index removed. */
export function astroArticleId(relativePath: string): string {
  const segments = relativePath.slice(0, relativePath.length - extname(relativePath).length).split(/[\\/]/);
  const slugger = new GithubSlugger();
  return segments
    .map((s) => {
      slugger.reset();
      return slugger.slug(s);
    })
    .join('/')
    .replace(/\/index$/, '');
}

/** Article source files by the id Astro's glob loader gives them (astroArticleId). */
export function articleFiles(dir: string): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|mdx)$/.test(name) && !name.startsWith('_')) {
        const id = astroArticleId(relative(dir, full).split(sep).join('/'));
        byId.set(id, [...(byId.get(id) ?? []), full]);
      }
    }
  };
  walk(dir);
  return byId;
}
