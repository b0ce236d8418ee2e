/**
 * Astro keeps every article's rendered Markdown in its content store (`data-store.json` in the cache directory) and
 * reuses it while the article's text is unchanged. It cannot see a change to the code that rendered it: the remark
 * and rehype plugins are functions in `astro.config.mjs`, invisible to the configuration digest Astro compares. So the
 * build fingerprints that code itself: `astro.config.mjs`, every local module it imports (followed through their own
 * imports) and `package-lock.json`. When the fingerprint differs from the one the cache was written with, the build
 * passes `--force` to Astro and every article renders again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The file, beside Astro's content store, that records which code the cache was rendered with. */
export const RENDER_CODE_FILE = 'render-code.sha256';

// Every way a module names another: `import … from`, `export … from`, a bare `import '…'` and `import('…')`.
// tests/unit/render-code.test.ts holds this to TypeScript's own list of imports for every file under src/ and scripts/.
const SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3|\bimport\s*\(\s*(['"])([^'"]+)\5\s*\)/g;

/** The specifiers a module's text imports (static, re-exported, side-effect and dynamic), in order, repeats kept. */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2] ?? m[4] ?? m[6]!);
}

/**
 * `entry` and every module it reaches through relative imports, as paths relative to `root`, sorted. A specifier
 * that names no file stays in the list as written (`?` + specifier), so the fingerprint still changes with it.
 */
export function localModules(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const unresolved = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (existsSync(target) && statSync(target).isFile()) visit(target);
      else unresolved.add(`?${relative(root, file)}:${specifier}`);
    }
  };
  visit(resolve(root, entry));
  return [...[...seen].map((f) => relative(root, f).split(sep).join('/')).sort(), ...[...unresolved].sort()];
}

/** SHA-256 of the code that renders Markdown: the configuration's local module tree and the lock file. */
export function renderCodeFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = [...localModules(root, 'astro.config.mjs'), 'package-lock.json'];
  for (const file of files) {
    hash.update(`${file}\0`);
    const path = join(root, file);
    if (!file.startsWith('?') && existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether Astro must render every article again: its content store exists but was written by other code (or by a
 * build from before this fingerprint was kept). Without a store the build is cold anyway.
 */
export function renderCacheIsStale(cacheRoot: string, fingerprint: string): boolean {
  if (!existsSync(join(cacheRoot, 'data-store.json'))) return false;
  const file = join(cacheRoot, RENDER_CODE_FILE);
  return !existsSync(file) || readFileSync(file, 'utf8').trim() !== fingerprint;
}
