import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { DistroFacts } from './lifecycle-facts.ts';

/** A distribution file as plain data, for build hooks and developer tools that run outside the content layer. */
export interface DistroFile extends DistroFacts<string> {
  unlisted: { versions: string[]; note: string }[];
}

/**
 * content/distros/*.yaml read directly (dates stay YYYY-MM-DD strings: the `yaml` package does not turn them into
 * Date objects). The content layer validates the same files against the schema; this reader only needs their shape.
 */
export function readDistros(dir: string): DistroFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => {
      const data = (parse(readFileSync(join(dir, f), 'utf8')) ?? {}) as Partial<DistroFile>;
      return {
        id: f.replace(/\.yaml$/, ''),
        name: String(data.name ?? f),
        // As the build names article files: from the working directory (content/distros/x.yaml for the site).
        file: relative(process.cwd(), join(dir, f)),
        releases: (data.releases ?? []).map((r) => ({ ...r, version: String(r.version) })),
        unlisted: (data.unlisted ?? []).map((u) => ({ versions: u.versions.map(String), note: u.note })),
      };
    });
}
