import * as pagefind from 'pagefind';
import { SITE } from '../site.config.ts';

/** Fails loudly: a search index with errors is worse than none, because the site would look searchable. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export interface IndexOptions {
  /** Called after the index files are written and before Pagefind is closed (the interruption tests pause here). */
  hold?: () => Promise<void>;
}

/**
 * Builds the Pagefind index over a built site (dist/pagefind/). scripts/build.ts runs it after Astro's process has
 * exited, so Astro's memory is freed before Pagefind's is taken; `astro build` alone therefore writes no index.
 * Only elements marked data-pagefind-body (article bodies) are indexed. Returns the number of pages indexed.
 */
export async function indexSite(outDir: string, { hold }: IndexOptions = {}): Promise<number> {
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
    await hold?.();
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
