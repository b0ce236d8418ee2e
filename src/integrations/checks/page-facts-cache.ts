/**
 * The facts of built pages (page-facts.ts), cached across builds in the project's cache directory
 * (`<cacheDir>/article-checks/page-facts.json`, which CI keeps with the rest of it). An entry is keyed by a hash of
 * the page's path and bytes: a page Astro copied from the previous build, or rendered to the same bytes, is not
 * parsed again. Only facts of the page itself are cached; whether its links and anchors resolve is decided against
 * the current build every time. The file records the version of the code that reads the facts (page-facts.ts, what
 * it imports, the HTML parser): another version starts empty. Each build writes back only the entries it used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pageFacts, type PageFacts } from './page-facts.ts';

const utf8 = new TextDecoder();
const CODE = ['./page-facts.ts', './page-facts-cache.ts', '../../lib/external-links.ts'];

/** A hash of the code that reads facts from a page and of the parser it reads them with. */
export function factsCodeVersion(): string {
  const hash = createHash('sha256');
  for (const file of CODE) hash.update(file).update(readFileSync(new URL(file, import.meta.url)));
  const require = createRequire(import.meta.url);
  const parser = require.resolve('htmlparser2');
  for (const pkg of ['htmlparser2', 'entities']) {
    try {
      const json = require(require.resolve(`${pkg}/package.json`, { paths: [parser] })) as { version: string };
      hash.update(`${pkg}@${json.version}`);
    } catch {
      // A package that does not export its package.json: the parser's own version above still counts.
      hash.update(`${pkg}@unknown`);
    }
  }
  return hash.digest('hex');
}

export interface FactsCache {
  /**
   * The facts of one page, from the cache when the same path had the same bytes before, else read now. Give the
   * file's bytes: a page found in the cache is hashed, never decoded.
   */
  factsOf(file: string, bytes: Uint8Array | string): PageFacts;
  /** How many pages came from the cache and how many were read. */
  readonly hits: number;
  readonly misses: number;
  /** Writes the entries used by this build (and only those) back to disk. */
  save(): void;
}

interface CacheFile {
  version: string;
  entries: Record<string, PageFacts>;
}

/** The cache under `dir` (the project's cache directory); without a directory, a cache that never hits. */
export function factsCache(dir: string | undefined): FactsCache {
  const version = factsCodeVersion();
  const file = dir ? join(dir, 'article-checks', 'page-facts.json') : undefined;
  let old: Record<string, PageFacts> = {};
  if (file) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (stored.version === version) old = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: every page is read.
    }
  }
  const used: Record<string, PageFacts> = {};
  let hits = 0;
  let misses = 0;
  return {
    factsOf(path, bytes) {
      const key = createHash('sha256').update(path).update('\0').update(bytes).digest('base64url');
      let facts = used[key] ?? old[key];
      if (facts) hits++;
      else {
        facts = pageFacts(typeof bytes === 'string' ? bytes : utf8.decode(bytes));
        misses++;
      }
      used[key] = facts;
      return facts;
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    save() {
      if (!file) return;
      mkdirSync(join(file, '..'), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version, entries: used } satisfies CacheFile));
      renameSync(temp, file);
    },
  };
}
