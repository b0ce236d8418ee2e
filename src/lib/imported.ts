/**
 * Imported articles (written by `npm run import`) are first-class but honest: their front matter records where
 * they came from, and a documented relaxed policy turns a few gates written for new writing into listed warnings.
 * Who may use it is decided here, from files the importer writes, so a new article cannot claim it:
 *
 * - the article lives in content/articles/<prefix>/ and has an `imported:` block;
 * - content/imports/<prefix>/manifest.json (written by the importer) lists its id;
 * - its pubDate is not after its import date (`imported.on`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleFiles } from './article-files.ts';

/** content/<IMPORTS_DIR>/<prefix>/ holds an import's mapping, manifest and report. */
export const IMPORTS_DIR = 'imports';
export const MANIFEST_FILE = 'manifest.json';

export interface ImportManifest {
  from: string;
  /** Article id (<prefix>/<slug>) → old site paths it answered at. */
  articles: Record<string, string[]>;
}

/** The gates the relaxed policy turns into warnings for imported articles, and only these. */
export const RELAXED_GATES = {
  'image-alt': 'legacy images without alt text',
  'short-description': 'a dek shorter than 50 characters (the post had no longer excerpt)',
  'no-sources': 'no sources list (the original publication, in imported.url, is the provenance)',
  'no-distros': 'no distribution (the old category was not mapped)',
  'no-topics': 'no topic (the old category or tag was not mapped)',
} as const;
export type RelaxedGate = keyof typeof RELAXED_GATES;

/** Every import manifest of a content tree, by prefix. */
export function importManifests(contentDir: string): Map<string, ImportManifest> {
  const dir = join(contentDir, IMPORTS_DIR);
  const out = new Map<string, ImportManifest>();
  if (!existsSync(dir)) return out;
  for (const prefix of readdirSync(dir).sort()) {
    const file = join(dir, prefix, MANIFEST_FILE);
    if (existsSync(file)) out.set(prefix, JSON.parse(readFileSync(file, 'utf8')) as ImportManifest);
  }
  return out;
}

/** Why an article id may not carry an `imported:` block, or undefined when it may. */
export function importClaimProblem(
  id: string,
  data: { pubDate: Date; imported: { on: Date } },
  manifests: Map<string, ImportManifest>,
): string | undefined {
  const prefix = id.split('/')[0] ?? '';
  const manifest = id.includes('/') ? manifests.get(prefix) : undefined;
  if (!manifest)
    return `imported: is only for articles written by \`npm run import\` into content/articles/<prefix>/ (no content/${IMPORTS_DIR}/${prefix}/${MANIFEST_FILE}): remove the imported: block from a new article`;
  if (!Object.hasOwn(manifest.articles, id))
    return `imported: claims an import, but content/${IMPORTS_DIR}/${prefix}/${MANIFEST_FILE} does not list ${id}: remove the imported: block from a new article`;
  if (data.pubDate > data.imported.on)
    return 'imported.on is before pubDate: an imported article was published before it was imported';
  return undefined;
}

export interface ImportedArticle {
  id: string;
  file: string;
  pubDate: Date;
  on: Date;
  description: string;
  counts: { sources: number; distros: number; topics: number };
  /** Old site paths recorded by the importer (imported.paths). */
  paths: string[];
  /** WordPress post id (imported.wordpressId): /?p=<id> redirects here. */
  wordpressId?: number;
  draft: boolean;
}

/** Front matter of one article file, or undefined when it has none (the schema reports that). */
function frontMatter(file: string): Record<string, unknown> | undefined {
  const text = readFileSync(file, 'utf8');
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/);
  if (!m) return undefined;
  try {
    return (parseYaml(m[1] ?? '') ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const asDate = (v: unknown) => new Date(String(v));
const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** Articles whose front matter has an `imported:` block, by id (from the article files, before Astro runs). */
export function importedArticles(files: Map<string, string[]>): Map<string, ImportedArticle> {
  const out = new Map<string, ImportedArticle>();
  for (const [id, [file]] of files) {
    if (!file || !/^imported:/m.test(readFileSync(file, 'utf8'))) continue;
    const data = frontMatter(file);
    const imported = data?.imported as { on?: unknown; paths?: unknown; wordpressId?: unknown } | undefined;
    if (!data || !imported) continue;
    out.set(id, {
      id,
      file,
      pubDate: asDate(data.pubDate),
      on: asDate(imported.on),
      description: typeof data.description === 'string' ? data.description : '',
      counts: { sources: len(data.sources), distros: len(data.distros), topics: len(data.topics) },
      paths: Array.isArray(imported.paths) ? imported.paths.filter((p): p is string => typeof p === 'string') : [],
      wordpressId:
        typeof imported.wordpressId === 'number' &&
        Number.isSafeInteger(imported.wordpressId) &&
        imported.wordpressId > 0
          ? imported.wordpressId
          : undefined,
      draft: data.draft === true,
    });
  }
  return out;
}

/** The relaxed gates an imported article relies on (front matter only; missing alt text is found after the build). */
export function relaxedGatesUsed(a: ImportedArticle): RelaxedGate[] {
  const used: RelaxedGate[] = [];
  if (a.description.trim().length < 50) used.push('short-description');
  if (a.counts.sources === 0) used.push('no-sources');
  if (a.counts.distros === 0) used.push('no-distros');
  if (a.counts.topics === 0) used.push('no-topics');
  return used;
}

/**
 * The imported articles of a content tree that may use the relaxed policy (the importer's own files, listed in their
 * import's manifest), and every claim that may not, as "file: why" lines. The build fails on `claims`; the build's
 * post-build checks and `npm run check:dist` relax only `articles`.
 */
export function relaxedPolicyArticles(contentDir: string): {
  articles: Map<string, ImportedArticle>;
  claims: string[];
} {
  const all = importedArticles(articleFiles(join(contentDir, 'articles')));
  const manifests = importManifests(contentDir);
  const articles = new Map<string, ImportedArticle>();
  const claims: string[] = [];
  for (const a of all.values()) {
    const why = importClaimProblem(a.id, { pubDate: a.pubDate, imported: { on: a.on } }, manifests);
    if (why) claims.push(`${relative(process.cwd(), a.file)}: ${why}`);
    else articles.set(a.id, a);
  }
  return { articles, claims };
}

/** The post-build check (src/integrations/checks/rules.ts) each relaxed gate turns into a warning. */
export const RELAXED_CHECKS: Partial<Record<RelaxedGate, string>> = { 'image-alt': 'images' };

/** The article id of a built article page (articles/<id>/index.html), or undefined for other pages. */
export function articleIdOfPage(file: string): string | undefined {
  return /^articles\/(.+)\/index\.html$/.exec(file)?.[1];
}

/**
 * The one rule both the build (src/integrations/content-checks.ts) and `npm run check:dist` apply to post-build
 * problems: a problem of a relaxed check, inside the article body of an imported article's page, is a listed
 * warning; everything else still fails.
 */
export function splitByRelaxedPolicy<P extends { check: string; file: string; inContent: boolean }>(
  problems: readonly P[],
  imported: ReadonlyMap<string, unknown>,
): { failing: P[]; relaxed: P[] } {
  const checks = new Set(Object.values(RELAXED_CHECKS));
  const failing: P[] = [];
  const relaxed: P[] = [];
  for (const p of problems) {
    const id = articleIdOfPage(p.file);
    if (p.inContent && checks.has(p.check) && id !== undefined && imported.has(id)) relaxed.push(p);
    else failing.push(p);
  }
  return { failing, relaxed };
}
