import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import dataStoreFile, {
  DATA_STORE_MODULE_ID,
  SNAPSHOT_FILE,
  dataStoreFilePlugin,
} from '../../src/integrations/data-store-file.ts';

/** A cacheDir holding a content store as Astro writes it (JSON with non-ASCII text, quotes and a `</script>`). */
function cache(): { dir: string; store: string; data: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'downstream-data-store-'));
  const data = [
    { articles: 1 },
    ['fedora-44', { title: 'Fedora 44 “released”', body: '<p>dnf’s \\ "quotes" </script>\u2028</p>' }],
  ];
  const store = join(dir, 'data-store.json');
  writeFileSync(store, JSON.stringify(data));
  return { dir, store, data };
}

type LoadResult = { code: string; meta?: Record<string, unknown> } | null;

function load(plugin: Plugin, id: string): LoadResult {
  const hook = plugin.load as { order?: string; filter?: { id: RegExp }; handler: (id: string) => LoadResult };
  expect(hook.order).toBe('pre');
  return hook.filter!.id.test(id) ? hook.handler(id) : null;
}

/** Writes the module's code to a file and imports it, as the prerender bundle does. */
async function evaluate(code: string, dir: string): Promise<unknown> {
  const file = join(dir, `module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('the content store read from a file (src/integrations/data-store-file.ts)', () => {
  it('exports what the store holds, from a few lines of code instead of the store as a string literal', async () => {
    const { dir, data } = cache();
    const result = load(dataStoreFilePlugin(pathToFileURL(`${dir}/`)), DATA_STORE_MODULE_ID)!;
    expect(result.code.length).toBeLessThan(1000);
    expect(result.code).not.toContain('Fedora 44');
    expect(result.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    expect(await evaluate(result.code, dir)).toEqual(data);
  });

  it('reads the store as it was when the module was bundled, not as Astro rewrites it later', async () => {
    const { dir, store, data } = cache();
    const { code } = load(dataStoreFilePlugin(pathToFileURL(`${dir}/`)), DATA_STORE_MODULE_ID)!;
    // Astro writes its store to a temporary file and renames it over the old one.
    writeFileSync(`${store}.tmp`, JSON.stringify([{ articles: 2 }]));
    renameSync(`${store}.tmp`, store);
    expect(await evaluate(code, dir)).toEqual(data);
    expect(JSON.parse(readFileSync(join(dir, SNAPSHOT_FILE), 'utf8'))).toEqual(data);
    // A second build takes a new snapshot.
    load(dataStoreFilePlugin(pathToFileURL(`${dir}/`)), DATA_STORE_MODULE_ID);
    expect(statSync(join(dir, SNAPSHOT_FILE)).size).toBe(statSync(store).size);
    expect(JSON.parse(readFileSync(join(dir, SNAPSHOT_FILE), 'utf8'))).toEqual([{ articles: 2 }]);
  });

  it('stops the build, naming the file, when the snapshot cannot be read (Astro would carry on with no articles)', () => {
    const { dir } = cache();
    const { code } = load(dataStoreFilePlugin(pathToFileURL(`${dir}/`)), DATA_STORE_MODULE_ID)!;
    const module = join(dir, 'module.mjs');
    writeFileSync(module, code);
    rmSync(join(dir, SNAPSHOT_FILE));
    const run = spawnSync(process.execPath, [module], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot read Astro's content store snapshot ${join(dir, SNAPSHOT_FILE)}`);
    expect(run.stderr).toContain('delete the cache folder');
  });

  it("leaves other modules, and a cache without a store, to Astro's own hooks", () => {
    const { dir, store } = cache();
    const plugin = dataStoreFilePlugin(pathToFileURL(`${dir}/`));
    expect(load(plugin, '\0astro:content')).toBeNull();
    expect(load(plugin, 'astro:data-layer-content')).toBeNull();
    rmSync(store);
    expect(load(plugin, DATA_STORE_MODULE_ID)).toBeNull();
  });

  it('removes the snapshot when the build is done', async () => {
    const { dir } = cache();
    const integration = dataStoreFile() as AstroIntegration;
    const plugins: Plugin[] = [];
    (integration.hooks['astro:config:setup'] as (o: unknown) => void)({
      command: 'build',
      config: { cacheDir: pathToFileURL(`${dir}/`), experimental: {} },
      updateConfig: (c: { vite: { plugins: Plugin[] } }) => plugins.push(...c.vite.plugins),
    });
    load(plugins[0]!, DATA_STORE_MODULE_ID);
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
    await (integration.hooks['astro:build:done'] as () => Promise<void> | void)();
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(false);
    expect(existsSync(join(dir, 'data-store.json'))).toBe(true);
  });

  it('is added to builds with Astro’s single-file store only', () => {
    const added = (command: string, collectionStorage?: unknown) => {
      const plugins: unknown[] = [];
      const setup = (dataStoreFile() as AstroIntegration).hooks['astro:config:setup'] as (o: unknown) => void;
      setup({
        command,
        config: { cacheDir: pathToFileURL('/tmp/cache/'), experimental: { collectionStorage } },
        updateConfig: (c: { vite: { plugins: unknown[] } }) => plugins.push(...c.vite.plugins),
      });
      return plugins.map((p) => (p as Plugin).name);
    };
    expect(added('build')).toEqual(['downstream:data-store-file']);
    expect(added('build', 'single-file')).toEqual(['downstream:data-store-file']);
    expect(added('build', 'chunked')).toEqual([]);
    expect(added('dev')).toEqual([]);
  });
});
