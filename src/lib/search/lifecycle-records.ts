/**
 * Distribution hubs and their release rows as search records of their own kind, built from the distribution
 * database (never read back out of the hub's HTML). The build's Pagefind step adds them with `addCustomRecord`
 * beside the article pages, so a search for "Ubuntu 24.04" or "end of life" finds the row that answers it.
 *
 * URLs are site paths ("/distros/ubuntu/#release-24-04"), like the URLs Pagefind gives the pages it indexes: the
 * search client prefixes the deploy base path to every result (Pagefind's `baseUrl` option).
 */
import { FAMILIES, type FamilyId } from '../../data/families.ts';
import { formatDate, isoDay } from '../dates.ts';
import { EVENT_LABELS, lifecycleEvents, sortReleases, STATUS_LABELS, supportStatus } from '../lifecycle.ts';
import { paths } from '../urls.ts';
import type { Release } from '../../schemas/distro.ts';
import { facetValue, type FacetKey, type MetaKey } from './record.ts';

/** One record as Pagefind's Node API takes it (`index.addCustomRecord`), minus the language the build adds. */
export interface LifecycleSearchRecord {
  url: string;
  content: string;
  meta: Partial<Record<MetaKey, string>> & { title: string };
  filters: Partial<Record<FacetKey, string[]>>;
}

/** The build-only file the pages write and the Pagefind step reads (then deletes): see paths.searchRecords. */
export interface LifecycleRecordsFile {
  version: 1;
  records: LifecycleSearchRecord[];
}

export interface DistroForSearch {
  id: string;
  name: string;
  family: FamilyId;
  description: string;
  releaseModel: 'fixed' | 'rolling' | 'semi-rolling';
  releases: readonly Release[];
}

const MODEL_TEXT = {
  fixed: 'a fixed-release distribution',
  rolling: 'a rolling-release distribution',
  'semi-rolling': 'a semi-rolling distribution',
} as const;

/** "Ubuntu 24.04 LTS": how a release result is titled (the codename goes in its text). */
export const releaseTitle = (distroName: string, r: Pick<Release, 'version' | 'lts'>): string =>
  `${distroName} ${r.version}${r.lts ? ' LTS' : ''}`;

/** A date as readers write it and as ISO, so "31 May 2029" and "2029-05-31" both find it. */
const both = (d: Date) => `${formatDate(d)} (${isoDay(d)})`;

export interface KeyDate {
  event: string;
  date: Date;
}

/**
 * The date a reader of a release result most likely wants: the next lifecycle event after `now` (the end of full
 * support while it runs, then the end of life), or the last one once all have passed. None when the project has
 * published no end date and the release is out.
 */
export function keyDate(r: Pick<Release, 'released' | 'supportEnd' | 'eol'>, now: Date): KeyDate | undefined {
  const events = lifecycleEvents(r);
  const next = events.find((e) => e.date.getTime() > now.getTime());
  const chosen = next ?? (events.length > 1 ? events.at(-1) : undefined);
  if (!chosen) return undefined;
  return {
    event: chosen === next && chosen.kind === 'release' ? 'Release due' : EVENT_LABELS[chosen.kind],
    date: chosen.date,
  };
}

function releaseRecord(d: DistroForSearch, r: Release, now: Date): LifecycleSearchRecord {
  const title = releaseTitle(d.name, r);
  const status = STATUS_LABELS[supportStatus(r, now)];
  const key = keyDate(r, now);
  const sentences = [
    `${title}${r.codename ? ` (${r.codename})` : ''}: version ${r.version} of ${d.name}${r.lts ? ', a long-term support release' : ''}.`,
    `Status on ${formatDate(now)}: ${status}.`,
    `Released ${both(r.released)}.`,
    r.supportEnd
      ? `End of standard support (full support ends): ${both(r.supportEnd)}.`
      : 'End of standard support: not published.',
    r.eol ? `End of life (all support ends): ${both(r.eol)}.` : 'End of life: not published.',
  ];
  if (r.latest) {
    sentences.push(`Latest point release: ${d.name} ${r.latest}${r.latestDate ? `, ${both(r.latestDate)}` : ''}.`);
  }
  return {
    url: paths.release(d.id, r.version),
    content: sentences.join(' '),
    meta: {
      title,
      kind: facetValue.kind('release'),
      distros: d.name,
      ...(key && { keyEvent: key.event, keyDate: isoDay(key.date), keyDateLabel: formatDate(key.date) }),
    },
    filters: {
      kind: [facetValue.kind('release')],
      distribution: [facetValue.distribution(d)],
      family: [facetValue.family(FAMILIES[d.family].name)],
    },
  };
}

function hubRecord(d: DistroForSearch, now: Date): LifecycleSearchRecord {
  const releases = sortReleases(d.releases);
  const maintained = releases.filter((r) => {
    const s = supportStatus(r, now);
    return s === 'supported' || s === 'security';
  });
  const sentences = [
    `${d.name}, ${MODEL_TEXT[d.releaseModel]} of the ${FAMILIES[d.family].name}.`,
    d.description,
    releases.length === 0
      ? 'No versioned releases are listed: releases, end of standard support and end of life do not apply.'
      : maintained.length > 0
        ? `Supported releases on ${formatDate(now)}: ${maintained.map((r) => releaseTitle(d.name, r)).join(', ')}.`
        : `No release is supported on ${formatDate(now)}.`,
  ];
  return {
    url: paths.distro(d.id),
    content: sentences.join(' '),
    meta: { title: d.name, kind: facetValue.kind('distribution'), distros: d.name },
    filters: {
      kind: [facetValue.kind('distribution')],
      distribution: [facetValue.distribution(d)],
      family: [facetValue.family(FAMILIES[d.family].name)],
    },
  };
}

/** One record per distribution hub and one per release, hubs first, releases newest first within each. */
export function lifecycleSearchRecords(distros: readonly DistroForSearch[], now: Date): LifecycleSearchRecord[] {
  return distros.flatMap((d) => [hubRecord(d, now), ...sortReleases(d.releases).map((r) => releaseRecord(d, r, now))]);
}

/** Reads the records file back, failing with where and what when it is not what the pages write. */
export function parseLifecycleRecords(json: string, where: string): LifecycleSearchRecord[] {
  const doc = JSON.parse(json) as Partial<LifecycleRecordsFile>;
  if (doc.version !== 1 || !Array.isArray(doc.records)) {
    throw new Error(`${where}: not a version 1 lifecycle records file: rebuild with npm run build`);
  }
  doc.records.forEach((r, i) => {
    for (const f of ['url', 'content'] as const) {
      if (typeof r?.[f] !== 'string' || r[f] === '') throw new Error(`${where}: records[${i}].${f} is missing`);
    }
    if (typeof r.meta?.title !== 'string' || !r.meta.title)
      throw new Error(`${where}: records[${i}].meta.title is missing`);
  });
  return doc.records;
}
