import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.ts';

/**
 * The layers of the tree: src/lib is pure logic that pages, layouts, components, build hooks and scripts import,
 * so it never imports any of them back. Every import form counts (static, type-only, re-export, dynamic).
 */
const UPPER_LAYERS = ['src/components', 'src/layouts', 'src/pages', 'src/integrations', 'scripts'];

interface BadImport {
  file: string;
  line: number;
  specifier: string;
  layer: string;
}

/** Imports of files under `root`/src/lib that resolve into one of the upper layers, with file and line. */
function importsIntoUpperLayers(root: string): BadImport[] {
  const layers = UPPER_LAYERS.map((layer) => resolve(root, layer));
  return sourceFiles(resolve(root, 'src/lib'), /\.(ts|mts|js|mjs|astro)$/).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return ts.preProcessFile(text, true, true).importedFiles.flatMap(({ fileName: specifier, pos }) => {
      if (!specifier.startsWith('.')) return [];
      const target = resolve(dirname(file), specifier);
      const layer = layers.find((dir) => target === dir || target.startsWith(dir + sep));
      if (!layer) return [];
      const line = text.slice(0, pos).split('\n').length;
      return [{ file: relative(root, file), line, specifier, layer: relative(root, layer) }];
    });
  });
}

describe('layers', () => {
  it('src/lib imports nothing from components, layouts, pages, integrations or scripts', () => {
    const bad = importsIntoUpperLayers(process.cwd());
    expect(
      bad.map((b) => `${b.file}:${b.line} imports ${b.specifier} (${b.layer}): move what it needs into src/lib`),
    ).toEqual([]);
  });

  it('finds every form of such an import, and only those', () => {
    const root = mkdtempSync(join(tmpdir(), 'downstream-layers-'));
    mkdirSync(join(root, 'src/lib/markdown'), { recursive: true });
    writeFileSync(
      join(root, 'src/lib/feeds.ts'),
      [
        "import { SITE } from '../site.config.ts';",
        "import Card from '../components/Card.astro';",
        "import type { Page } from '../../scripts/check-dist.ts';",
        "import { urls } from './urls.ts';",
        "export { x } from '../integrations/host/policy.ts';",
        "const scripts = await import('../scripts/search.ts');",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'src/lib/markdown/links.ts'),
      "import { y } from '../../layouts/Base.astro';\nimport { z } from '../../lib/urls.ts';\n",
    );
    expect(importsIntoUpperLayers(root).map((b) => [b.file.split(sep).join('/'), b.line, b.layer])).toEqual([
      ['src/lib/feeds.ts', 2, 'src/components'],
      ['src/lib/feeds.ts', 3, 'scripts'],
      ['src/lib/feeds.ts', 5, 'src/integrations'],
      ['src/lib/markdown/links.ts', 1, 'src/layouts'],
    ]);
  });
});
