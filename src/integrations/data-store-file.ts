import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Astro 7.3 bundles its content store (`<cacheDir>/data-store.json`, every entry's data and rendered HTML) into the
 * prerender code as one JavaScript string literal: `export default JSON.parse("…")`. V8's time to compile a module
 * grows faster than the literal: 0.5 s for the 19 MB store of 1,000 articles, 39 s for the 186 MB store of 10,000
 * (against 0.1 s and 0.9 s to read and parse the same JSON). Node's compile cache hides it only when the store is
 * byte for byte the one of an earlier build, never when an article changed, and fills os.tmpdir() with a copy of the
 * compiled literal for every store it has seen.
 *
 * This plugin gives the build the same module with the literal left out: the code reads a snapshot of the store,
 * taken when the module is bundled, and parses it. Astro writes its store by an atomic rename, so a hard link is a
 * snapshot that later writes cannot change (a copy where hard links are not possible). What the module exports is
 * the same value, so every page is the same.
 */

/** Astro's id for its resolved `astro:data-layer-content` module (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** The snapshot's name in Astro's cacheDir, beside `data-store.json`. */
export const SNAPSHOT_FILE = 'data-store.build.json';

/**
 * The module's code: reads and parses the snapshot. Astro ignores an exception from this module and carries on with
 * an empty store (a site without articles), so a snapshot that cannot be read stops the process here, saying why.
 */
export function dataStoreModuleCode(snapshot: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `const file = ${JSON.stringify(snapshot)};`,
    `let store;`,
    `try {`,
    `  store = JSON.parse(readFileSync(file, 'utf8'));`,
    `} catch (error) {`,
    `  process.stderr.write('[downstream:data-store-file] cannot read Astro\\'s content store snapshot ' + file + ': ' + (error instanceof Error ? error.message : String(error)) + '\\nBuild again; if it happens again, delete the cache folder and build again.\\n');`,
    `  process.exit(1);`,
    `}`,
    `export default store;`,
  ].join('\n');
}

/** Replaces `path` with a snapshot of `store`: a hard link, or a copy where the filesystem has none. */
export function snapshotStore(store: string, path: string): void {
  rmSync(path, { force: true });
  try {
    linkSync(store, path);
  } catch {
    copyFileSync(store, path);
  }
}

export function dataStoreFilePlugin(cacheDir: URL): Plugin {
  const store = fileURLToPath(new URL('data-store.json', cacheDir));
  const snapshot = fileURLToPath(new URL(SNAPSHOT_FILE, cacheDir));
  return {
    name: 'downstream:data-store-file',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    load: {
      // Before Astro's own load hook for the same id, which would inline the store.
      order: 'pre',
      filter: { id: new RegExp(`^${DATA_STORE_MODULE_ID}$`) },
      handler() {
        // No store yet: Astro's own hook answers with an empty Map.
        if (!existsSync(store)) return null;
        snapshotStore(store, snapshot);
        return {
          code: dataStoreModuleCode(snapshot),
          map: { mappings: '' },
          // As Astro marks its own version: the store's content is not part of any page's code hash (the
          // incremental build's page keys carry the content).
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
  };
}

/**
 * Builds read Astro's content store from a file instead of compiling it as a string literal (see above). The
 * snapshot is removed once every page is written, so that a CI cache of the cacheDir does not hold the store twice.
 */
export default function dataStoreFile(): AstroIntegration {
  let snapshot: string | undefined;
  return {
    name: 'downstream:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Only single-file storage inlines the store this way; chunked storage has modules of its own.
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        snapshot = fileURLToPath(new URL(SNAPSHOT_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFilePlugin(config.cacheDir)] } });
      },
      'astro:build:done': () => {
        if (snapshot) rmSync(snapshot, { force: true });
      },
    },
  };
}
