import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.ts';
import {
  importSpecifiers,
  localModules,
  RENDER_CODE_FILE,
  renderCacheIsStale,
  renderCodeFingerprint,
} from '../../scripts/build/render-code.ts';

/** A throwaway project: astro.config.mjs, a plugin that imports a helper, an unrelated module, a lock file. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'downstream-render-code-'));
  mkdirSync(join(root, 'src/lib/markdown'), { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport { rehypeLinks } from './src/lib/markdown/links.ts';\n",
  );
  writeFileSync(
    join(root, 'src/lib/markdown/links.ts'),
    "import type { Root } from 'hast';\nimport {\n  paths,\n} from '../urls.ts';\nexport const rehypeLinks = () => paths;\n",
  );
  writeFileSync(join(root, 'src/lib/urls.ts'), "export const paths = '/';\n");
  writeFileSync(join(root, 'src/lib/feeds.ts'), "export const feeds = 'rss';\n");
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  return root;
}

describe('the fingerprint of the code that renders Markdown', () => {
  it('reads every import TypeScript sees in every module of src/ and scripts/', () => {
    const missed = [
      ...sourceFiles('src', /\.(ts|mts|js|mjs)$/),
      ...sourceFiles('scripts', /\.(ts|mts|js|mjs)$/),
    ].flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const ours = new Set(importSpecifiers(text));
      return ts
        .preProcessFile(text, true, true)
        .importedFiles.flatMap(({ fileName }) => (ours.has(fileName) ? [] : [`${file}: ${fileName}`]));
    });
    expect(missed).toEqual([]);
  });

  it("follows the configuration's local imports, and only those", () => {
    const root = project();
    expect(localModules(root, 'astro.config.mjs')).toEqual([
      'astro.config.mjs',
      'src/lib/markdown/links.ts',
      'src/lib/urls.ts',
    ]);
    // The site's own configuration reaches the Markdown plugins and what they import.
    const site = localModules(process.cwd(), 'astro.config.mjs');
    expect(site).toEqual(
      expect.arrayContaining(['src/lib/markdown/rehype-links.ts', 'src/lib/urls.ts', 'src/trusted-content.ts']),
    );
    expect(site.filter((f) => f.startsWith('?'))).toEqual([]);
  });

  it('changes with a module the configuration reaches or the lock file, not with another module', () => {
    const root = project();
    const before = renderCodeFingerprint(root);
    writeFileSync(join(root, 'src/lib/feeds.ts'), "export const feeds = 'atom';\n");
    expect(renderCodeFingerprint(root)).toBe(before);
    writeFileSync(join(root, 'src/lib/urls.ts'), "export const paths = '/downstream/';\n");
    const afterHelper = renderCodeFingerprint(root);
    expect(afterHelper).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(renderCodeFingerprint(root)).not.toBe(afterHelper);
  });

  it('calls the cache stale only when a content store exists that other code (or no record) wrote', () => {
    const cache = mkdtempSync(join(tmpdir(), 'downstream-render-cache-'));
    expect(renderCacheIsStale(cache, 'abc')).toBe(false);
    writeFileSync(join(cache, 'data-store.json'), '{}');
    expect(renderCacheIsStale(cache, 'abc')).toBe(true);
    writeFileSync(join(cache, RENDER_CODE_FILE), 'abc\n');
    expect(renderCacheIsStale(cache, 'abc')).toBe(false);
    expect(renderCacheIsStale(cache, 'def')).toBe(true);
  });
});
