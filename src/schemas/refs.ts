import { z } from 'astro/zod';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * A validator for ids of another collection. Astro's reference() only logs unknown ids and lets the build go on,
 * so references are checked here against the ids that exist, with a message that says how to fix the entry. An enum,
 * so that the JSON schemas Astro generates (.astro/collections/) list the ids for editors' completion.
 */
export function idRef(what: string, ids: readonly string[], where: string) {
  const known = [...new Set(ids)].sort();
  return z.enum(known as [string, ...string[]], {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `unknown ${what} "${issue.input}": use one of ${known.join(', ')} (or add it to ${where})`
        : `expected the id of ${what} as text`,
  });
}

/**
 * Where an editor adds a desk, distribution, topic or series: the files of the content tree `contentDir` (as the
 * build was given it), for messages about an unknown id.
 */
export function refFiles(contentDir: string) {
  const dir = contentDir.replace(/^\.\//, '').replace(/\/+$/, '');
  return {
    authors: `${dir}/authors/<id>.yaml`,
    distros: `${dir}/distros/<id>.yaml`,
    topics: `${dir}/topics.yaml`,
    series: `${dir}/series.yaml`,
  };
}

/** Ids of a folder collection: file names without extension. */
export function idsInFolder(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('_'))
    .map((f) => f.slice(0, -ext.length));
}

/** Ids of a file collection: the `id` of every entry in a YAML list. */
export function idsInYamlList(file: string): string[] {
  const list = parseYaml(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(list)) throw new Error(`${file} must be a YAML list of entries with an id`);
  return list.map((e: { id?: unknown }) => String(e?.id));
}
