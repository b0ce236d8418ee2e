import * as pagefind from 'pagefind';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SITE } from '../site.config.ts';
import { paths } from '../lib/urls.ts';
import { parseLifecycleRecords } from '../lib/search/lifecycle-records.ts';

/**
 * The files Pagefind reads: article pages only. data-pagefind-body is written by ArticleLayout alone, which only the
 * articles route uses (tests/unit/pagefind-scope.test.ts keeps it so), and Pagefind indexes nothing else once any page
 * has it. Listing, archive and feed pages (40 % of the HTML at 1,000 articles) were parsed only to be dropped; the
 * index written is byte for byte the same.
 */
export const INDEXED_PAGES = `${paths.article('**').slice(1)}index.html`;

/** Fails loudly: a search index with errors is worse than none, because the site would look searchable. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export interface IndexResult {
  /** Article pages indexed from their HTML. */
  pages: number;
  /** Distribution hubs and release rows added as custom records. */
  records: number;
}

export interface IndexOptions {
  /** Called after the index files are written and before Pagefind is closed (the interruption tests pause here). */
  hold?: () => Promise<void>;
}

/**
 * Builds the Pagefind index over a built site (dist/pagefind/). scripts/build.ts runs it after Astro's process has
 * exited, so Astro's memory is freed before Pagefind's is taken; `astro build` alone therefore writes no index.
 * Only article pages are read, and only their elements marked data-pagefind-body; distribution hubs and release rows
 * are added as records of their own kind from the data file the build wrote (src/lib/search/lifecycle-records.ts),
 * which is then removed from the output. Returns what was indexed.
 */
export async function indexSite(outDir: string, { hold }: IndexOptions = {}): Promise<IndexResult> {
  const dataFile = join(outDir, paths.searchRecords());
  if (!existsSync(dataFile)) {
    throw new Error(
      `${paths.searchRecords().slice(1)} is missing from the built site: src/pages/search/lifecycle-records.json.ts must write it`,
    );
  }
  const records = parseLifecycleRecords(readFileSync(dataFile, 'utf8'), `dist${paths.searchRecords()}`);
  rmSync(dataFile);
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: SITE.lang,
      // Version strings and commands: keep dots and hyphens inside words ("x86-64-v2", "9.4").
      includeCharacters: '.-_',
    });
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    check('indexing', added.errors);
    if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: is data-pagefind-body missing?');
    for (const record of records) {
      const { errors: recordErrors } = await index.addCustomRecord({ ...record, language: SITE.lang });
      check(`adding the search record of ${record.url}`, recordErrors);
    }
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    check('writeFiles', written.errors);
    await hold?.();
    return { pages: added.page_count, records: records.length };
  } finally {
    await pagefind.close();
  }
}
