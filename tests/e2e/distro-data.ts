import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The distribution database as editors wrote it (content/distros/*.yaml): what the pages under test must show. */
export interface DistroFacts {
  id: string;
  name: string;
  family: string;
  releaseModel: string;
  releases: {
    version: string;
    codename?: string;
    lts?: boolean;
    released: Date;
    supportEnd?: Date;
    eol?: Date;
    latest?: string;
  }[];
}

const DIR = resolve(import.meta.dirname, '../../content/distros');
const day = (v: unknown) => (v === undefined ? undefined : v instanceof Date ? v : new Date(`${String(v)}T00:00:00Z`));

export function distroFacts(): DistroFacts[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const y = parse(readFileSync(resolve(DIR, f), 'utf8')) as Record<string, unknown> & {
        releases?: Record<string, unknown>[];
      };
      return {
        id: f.replace(/\.yaml$/, ''),
        name: y.name as string,
        family: y.family as string,
        releaseModel: y.releaseModel as string,
        releases: (y.releases ?? []).map((r) => ({
          version: String(r.version),
          codename: r.codename as string | undefined,
          lts: r.lts as boolean | undefined,
          latest: r.latest as string | undefined,
          released: day(r.released)!,
          supportEnd: day(r.supportEnd),
          eol: day(r.eol),
        })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The build clock of the build under test, as the page states it (<time datetime> in a lifecycle caption). */
export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
