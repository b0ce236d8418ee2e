/**
 * The documents of the static JSON API, built from the distribution database against the build clock. Every
 * document is checked against its schema (src/schemas/api.ts) before it is written, so a build cannot publish a
 * file that breaks the published contract.
 */
import {
  API_VERSION,
  apiCyclesSchema,
  apiDistributionDocumentSchema,
  apiIndexSchema,
  apiJsonSchema,
  type ApiDistribution,
  type ApiRelease,
} from '../schemas/api.ts';
import type { Release } from '../schemas/distro.ts';
import type { Distro } from './content.ts';
import { isoDay } from './dates.ts';
import { finalDate, releaseName, sortReleases, supportStatus } from './lifecycle.ts';
import { absoluteUrl, paths } from './urls.ts';

export type ApiDistroInput = Pick<Distro, 'id'> & {
  data: Omit<Distro['data'], 'basedOn' | 'rebuiltFrom' | 'upstream'>;
};

type Evidence = NonNullable<Release['evidence']>[keyof NonNullable<Release['evidence']>];
const source = (e: Evidence) =>
  e
    ? { url: e.url, ...(e.verified ? { verified: isoDay(e.verified) } : {}), ...(e.note ? { note: e.note } : {}) }
    : undefined;

/** One release in endoflife.date's vocabulary; `support` falls back to the end of life, as on the hub table. */
export function apiRelease(distro: ApiDistroInput, r: Release, now: Date, site: URL): ApiRelease {
  const ev = r.evidence ?? {};
  const supportEnd = r.supportEnd ?? r.eol;
  const eol = finalDate(r);
  // A date's source is the evidence of the field it was taken from; a date left out keeps its own (a note on why).
  const sources = {
    releaseDate: source(ev.released),
    support: source(!r.supportEnd && r.eol ? ev.eol : ev.supportEnd),
    eol: source(!r.eol && r.supportEnd ? ev.supportEnd : ev.eol),
    latest: source(ev.latest),
  };
  return {
    cycle: r.version,
    ...(r.codename ? { codename: r.codename } : {}),
    label: releaseName(distro.data.name, r),
    releaseDate: isoDay(r.released),
    support: supportEnd ? isoDay(supportEnd) : false,
    eol: eol ? isoDay(eol) : false,
    lts: r.lts ?? false,
    latest: r.latest ?? null,
    latestReleaseDate: r.latestDate ? isoDay(r.latestDate) : null,
    link: absoluteUrl(paths.release(distro.id, r.version), site),
    status: supportStatus(r, now),
    sources: Object.fromEntries(Object.entries(sources).filter(([, v]) => v !== undefined)),
  };
}

export function apiDistribution(distro: ApiDistroInput, now: Date, site: URL): ApiDistribution {
  const d = distro.data;
  const feeds = paths.lifecycleFeeds(distro.id);
  return {
    id: distro.id,
    name: d.name,
    family: d.family,
    releaseModel: d.releaseModel,
    website: d.website,
    url: absoluteUrl(paths.distro(distro.id), site),
    api: absoluteUrl(paths.apiDistribution(distro.id), site),
    cycles: absoluteUrl(paths.apiCycles(distro.id), site),
    calendar: d.releases.length > 0 ? absoluteUrl(paths.calendar(distro.id), site) : null,
    feeds: {
      rss: absoluteUrl(`${feeds}feed.xml`, site),
      atom: absoluteUrl(`${feeds}atom.xml`, site),
      json: absoluteUrl(`${feeds}feed.json`, site),
    },
    sources: d.sources.map((s) => ({ title: s.title, url: s.url, publisher: s.publisher })),
    releases: sortReleases(d.releases).map((r) => apiRelease(distro, r, now, site)),
  };
}

export interface ApiFile {
  /** Site path of the file, e.g. /api/v1/distributions/debian.json */
  path: string;
  body: unknown;
}

/** Every file of the API: the index, one document and one cycles array per distribution, and the JSON Schema. */
export function apiFiles(distros: readonly ApiDistroInput[], now: Date, site: URL): ApiFile[] {
  const schemaUrl = absoluteUrl(paths.apiSchema(), site);
  const header = { apiVersion: API_VERSION, generated: isoDay(now), schema: schemaUrl } as const;
  const docs = [...distros]
    .sort((a, b) => a.data.name.localeCompare(b.data.name))
    .map((d) => apiDistribution(d, now, site));
  return [
    { path: paths.apiSchema(), body: apiJsonSchema(schemaUrl) },
    { path: paths.apiIndex(), body: apiIndexSchema.parse({ ...header, distributions: docs }) },
    ...docs.flatMap((doc) => [
      { path: paths.apiDistribution(doc.id), body: apiDistributionDocumentSchema.parse({ ...header, ...doc }) },
      { path: paths.apiCycles(doc.id), body: apiCyclesSchema.parse(doc.releases) },
    ]),
  ];
}

/** Serialised as the API serves it: stable key order (as built), two-space indent, final newline. */
export const apiJson = (body: unknown): string => `${JSON.stringify(body, null, 2)}\n`;
