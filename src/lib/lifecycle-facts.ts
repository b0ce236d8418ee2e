/**
 * Lifecycle facts as articles state them: one release's dates looked up by distribution id and version, a date
 * phrased relative to the build clock ("ends in 7 months"), the lifecycle components found in an MDX file (so a
 * wrong id fails the build with the file and line), and the dates editors should check again.
 *
 * Pure functions over plain data: the MDX components, the build hook and the review page all use them.
 */
import { RELEASE_DATE_FIELDS } from '../schemas/distro.ts';

/** The dated fields a component can show. `latest` is the latest point release (with its date when known). */
export type LifecycleField = 'released' | 'supportEnd' | 'eol' | 'latest';

/** The fields of a release this module reads; dates may be Date (content layer) or YYYY-MM-DD strings (raw YAML). */
export interface ReleaseFacts<D = Date> {
  version: string;
  codename?: string | undefined;
  released: D;
  supportEnd?: D | undefined;
  eol?: D | undefined;
  latest?: string | undefined;
  latestDate?: D | undefined;
  evidence?: Partial<Record<LifecycleField, { url: string; verified?: D | undefined; note?: string | undefined }>>;
}

export interface DistroFacts<D = Date> {
  id: string;
  name: string;
  /** The distribution's file as the editor finds it, e.g. content/distros/debian.yaml or a fixture tree's path. */
  file: string;
  releases: readonly ReleaseFacts<D>[];
}

/** The article components that read the database, and the attribute each needs. */
export const LIFECYCLE_COMPONENTS = [
  'TimelineEntry',
  'ReleaseDate',
  'SupportEnd',
  'EolDate',
  'LatestRelease',
  'ReleaseStatus',
  'EndsIn',
] as const;
export type LifecycleComponent = (typeof LIFECYCLE_COMPONENTS)[number];

export type Lookup<D> = { ok: true; distro: DistroFacts<D>; release: ReleaseFacts<D> } | { ok: false; message: string };

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '(none)');

/** The folder of the distribution files, as their paths give it ("content/distros/" for the site's own tree). */
const distrosFolder = (distros: readonly DistroFacts<unknown>[]) => {
  const file = distros[0]?.file;
  return file === undefined ? 'the distributions folder' : file.slice(0, file.lastIndexOf('/') + 1);
};

/** Finds a release, or says exactly what is wrong and which ids exist. */
export function findRelease<D>(distros: readonly DistroFacts<D>[], distroId: string, version: string): Lookup<D> {
  const distro = distros.find((d) => d.id === distroId);
  if (!distro) {
    return {
      ok: false,
      message: `unknown distribution "${distroId}": use one of ${list(distros.map((d) => d.id))}`,
    };
  }
  const release = distro.releases.find((r) => r.version === version);
  if (!release) {
    return {
      ok: false,
      message: `${distro.name} has no release "${version}" in ${distro.file}: use one of ${list(distro.releases.map((r) => r.version))}`,
    };
  }
  return { ok: true, distro, release };
}

const MONTH_MS = 30.436875 * 86_400_000;

/**
 * A date relative to `now`, as a verb phrase for running text: "ends in 7 months", "ends in 12 days", "ends today",
 * "ended 3 months ago". Whole calendar months are counted from `now` to the date, so 2026-11-30 to 2027-06-30 is
 * 7 months, and anything under a month is given in days.
 */
export function endsInPhrase(now: Date, date: Date): string {
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  if (days === 0) return 'ends today';
  const [from, to] = days > 0 ? [now, date] : [date, now];
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  const n = Math.abs(days);
  const unit = months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : `${n} day${n === 1 ? '' : 's'}`;
  return days > 0 ? `ends in ${unit}` : `ended ${unit} ago`;
}

/** Rough month count for sorting and thresholds (not for display). */
export const monthsBetween = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / MONTH_MS;

export interface ComponentUse {
  component: LifecycleComponent;
  line: number;
  attrs: Record<string, string | undefined>;
  /** An attribute given as an expression (`release={12}`) instead of a quoted string. */
  expressions: string[];
}

const TAG = new RegExp(`<(${LIFECYCLE_COMPONENTS.join('|')})\\b([^>]*?)/?>`, 'g');
const ATTR = /([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g;

/** The lifecycle components used in an MDX source, with their attributes and 1-based line numbers. */
export function componentUses(source: string): ComponentUse[] {
  const uses: ComponentUse[] = [];
  // Code spans and fenced code may show a component as an example; they do not render it.
  const blanked = source
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
  for (const m of blanked.matchAll(TAG)) {
    const attrs: Record<string, string | undefined> = {};
    const expressions: string[] = [];
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      const name = a[1]!;
      if (a[4] !== undefined) expressions.push(name);
      else attrs[name] = a[2] ?? a[3];
    }
    const line = blanked.slice(0, m.index).split('\n').length;
    uses.push({ component: m[1] as LifecycleComponent, line, attrs, expressions });
  }
  return uses;
}

const FIELD_OF: Partial<Record<LifecycleComponent, LifecycleField>> = {
  ReleaseDate: 'released',
  SupportEnd: 'supportEnd',
  EolDate: 'eol',
  LatestRelease: 'latest',
};
export const END_FIELDS = ['supportEnd', 'eol'] as const;

/** Problems with the lifecycle components of one MDX file: "path:line: <Tag …>: what is wrong and the fix". */
export function checkComponentUses<D>(file: string, source: string, distros: readonly DistroFacts<D>[]): string[] {
  const problems: string[] = [];
  for (const use of componentUses(source)) {
    const at = `${file}:${use.line}: <${use.component}>`;
    for (const name of use.expressions) {
      problems.push(`${at}: write ${name} as a quoted string, e.g. ${name}="12", not ${name}={…}`);
    }
    const { distro, release, field } = use.attrs;
    // A TimelineEntry with a written date does not read the database.
    if (use.component === 'TimelineEntry' && distro === undefined && release === undefined) continue;
    if (!distro || !release) {
      if (!use.expressions.length) problems.push(`${at}: needs distro="<id>" and release="<version>"`);
      continue;
    }
    const found = findRelease(distros, distro, release);
    if (!found.ok) {
      problems.push(`${at}: ${found.message}`);
      continue;
    }
    if (use.component === 'EndsIn' && field !== undefined && !(END_FIELDS as readonly string[]).includes(field)) {
      problems.push(`${at}: field="${field}" is not an end date: use field="eol" or field="supportEnd"`);
      continue;
    }
    if (use.component === 'TimelineEntry' && field !== undefined && !['released', ...END_FIELDS].includes(field)) {
      problems.push(`${at}: field="${field}" is not a date: use released, supportEnd or eol`);
      continue;
    }
    const wanted =
      use.component === 'EndsIn' || use.component === 'TimelineEntry'
        ? ((field as LifecycleField | undefined) ?? 'eol')
        : FIELD_OF[use.component];
    if (wanted && wanted !== 'latest' && found.release[wanted] === undefined) {
      problems.push(
        `${at}: ${found.distro.name} ${release} has no ${wanted} in ${found.distro.file}; state it in prose with its source, or add the date with its evidence`,
      );
    }
    if (wanted === 'latest' && found.release.latest === undefined) {
      problems.push(`${at}: ${found.distro.name} ${release} has no latest point release in ${found.distro.file}`);
    }
  }
  return problems;
}

/**
 * The `release:` front matter of a release-news article (its facts box): the release must exist in the database.
 * Returns "file: release.<field>: what is wrong and the fix", or nothing.
 */
export function checkReleaseField<D>(file: string, release: unknown, distros: readonly DistroFacts<D>[]): string[] {
  if (release === undefined || release === null) return [];
  const r = release as { distro?: unknown; version?: unknown };
  if (typeof r !== 'object' || typeof r.distro !== 'string' || r.version === undefined) {
    return [`${file}: release: write release: { distro: <id from ${distrosFolder(distros)}>, version: "<version>" }`];
  }
  const found = findRelease(distros, r.distro, String(r.version));
  if (found.ok) return [];
  const field = distros.some((d) => d.id === r.distro) ? 'version' : 'distro';
  return [`${file}: release.${field}: ${found.message}, or remove release: from the front matter`];
}

export type ReviewReason = 'never verified' | 'verified more than 6 months ago';

export interface ReviewItem {
  distro: string;
  distroName: string;
  /** The distribution's file, where the date is corrected or its verification recorded. */
  file: string;
  version: string;
  field: LifecycleField;
  /** The date (or the latest point release with its date) as the database gives it. */
  value: string;
  url: string;
  verified?: string;
  note?: string;
  reason: ReviewReason;
}

const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

/** Six months back from `now`, same day of month (clamped), as YYYY-MM-DD. */
export function reviewCutoff(now: Date): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - 6;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), last));
  return day(target);
}

/**
 * Every date in the database that an editor should check again: never verified against its source, or last
 * verified more than six months before `now`. Ordered by distribution, then release order in the file.
 */
export function datesToReview<D extends Date | string>(distros: readonly DistroFacts<D>[], now: Date): ReviewItem[] {
  const cutoff = reviewCutoff(now);
  const items: ReviewItem[] = [];
  for (const d of [...distros].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const r of d.releases) {
      for (const field of RELEASE_DATE_FIELDS) {
        const date = r[field];
        if (date === undefined) continue;
        const ev = r.evidence?.[field];
        const verified = ev?.verified === undefined ? undefined : day(ev.verified);
        if (verified !== undefined && verified >= cutoff) continue;
        const value =
          field === 'latest' ? `${String(date)}${r.latestDate ? ` (${day(r.latestDate)})` : ''}` : day(date as D);
        items.push({
          distro: d.id,
          distroName: d.name,
          file: d.file,
          version: r.version,
          field,
          value,
          url: ev?.url ?? '',
          ...(verified ? { verified } : {}),
          ...(ev?.note ? { note: ev.note } : {}),
          reason: verified ? 'verified more than 6 months ago' : 'never verified',
        });
      }
    }
  }
  return items;
}

/** Counts for the build log and the review page. */
export function evidenceCounts<D extends Date | string>(distros: readonly DistroFacts<D>[], now: Date) {
  let dates = 0;
  let verified = 0;
  for (const d of distros) {
    for (const r of d.releases) {
      for (const field of RELEASE_DATE_FIELDS) {
        if (r[field] === undefined) continue;
        dates += 1;
        const v = r.evidence?.[field]?.verified;
        if (v !== undefined && day(v) >= reviewCutoff(now)) verified += 1;
      }
    }
  }
  return { dates, verified, toReview: dates - verified };
}
