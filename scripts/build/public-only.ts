import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Entries Astro leaves in its output folder that are not part of the site. `.prerender/` holds the server chunks
 * used while prerendering, among them `_astro_data-layer-content_*.mjs` with the full text of every content entry,
 * drafts and scheduled articles included; nothing else that starts with a dot is ours to publish either.
 */
const NOT_PUBLIC = /^\.(?!well-known$)/;

/** Removes what must never be deployed from a built site; returns what was removed. */
export function publicOnly(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!NOT_PUBLIC.test(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
