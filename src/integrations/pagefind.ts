import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SITE } from '../site.config.ts';

/** Fails loudly: a search index with errors is worse than none, because the site would look searchable. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Builds the Pagefind index over the built site as the last step of `astro build`, so a plain build yields a
 * searchable site. Only elements marked data-pagefind-body (article bodies) are indexed.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'downstream:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({
            forceLanguage: SITE.lang,
            // Version strings and commands: keep dots and hyphens inside words ("x86-64-v2", "9.4").
            includeCharacters: '.-_',
          });
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const added = await index.addDirectory({ path: outDir });
          check('indexing', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          check('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          // Leave nothing half-built behind for a deploy step to pick up.
          rmSync(outDir, { recursive: true, force: true });
          throw error;
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
