import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What Astro can leave in its output folder that is not part of the site: `.prerender/` holds the server chunks
 * used while prerendering, among them `_astro_data-layer-content_*.mjs` with the full text of every content entry,
 * drafts and scheduled articles included. Host files our own hooks write (`.htaccess`, `_headers`) stay.
 */
const NOT_PUBLIC_DIRS = new Set(['.prerender']);
const NOT_PUBLIC_FILE = /^_astro_data-layer-content.*\.m?js$/;

/** Removes what must never be deployed from a built site; returns what was removed. */
export function publicOnly(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir))
    if (NOT_PUBLIC_DIRS.has(name)) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(`${name}/`);
    }
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (d.isFile() && NOT_PUBLIC_FILE.test(d.name)) {
      const path = join(d.parentPath, d.name);
      rmSync(path, { force: true });
      removed.push(path.slice(dir.length + 1));
    }
  return removed;
}
