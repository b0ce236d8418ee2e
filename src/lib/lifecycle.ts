import type { Release } from '../schemas/distro.ts';
import { UI } from './ui-strings.ts';

export type SupportStatus = 'upcoming' | 'supported' | 'security' | 'eol';

/** How each status reads on pages, feeds and search results (the words live in the UI strings). */
export const STATUS_LABELS: Readonly<Record<SupportStatus, string>> = UI.lifecycle.status;

/**
 * Where a release stands on `now`: upcoming before release, supported until `supportEnd`, security fixes only until
 * `eol`, end of life from `eol` on. A release with no published end date stays supported.
 */
export function supportStatus(release: Pick<Release, 'released' | 'supportEnd' | 'eol'>, now: Date): SupportStatus {
  const t = now.getTime();
  if (release.released.getTime() > t) return 'upcoming';
  if (release.eol && release.eol.getTime() <= t) return 'eol';
  if (release.supportEnd && release.supportEnd.getTime() <= t) return release.eol ? 'security' : 'eol';
  return 'supported';
}

/** The last day of any support for a release, when published. */
export const finalDate = (r: Pick<Release, 'supportEnd' | 'eol'>): Date | undefined => r.eol ?? r.supportEnd;

/** Releases newest first. */
export function sortReleases<R extends Pick<Release, 'released'>>(releases: readonly R[]): R[] {
  return [...releases].sort((a, b) => b.released.getTime() - a.released.getTime());
}

/** Supported (or security-only) releases, newest first. */
export function maintainedReleases<R extends Pick<Release, 'released' | 'supportEnd' | 'eol'>>(
  releases: readonly R[],
  now: Date,
): R[] {
  return sortReleases(releases).filter((r) => {
    const s = supportStatus(r, now);
    return s === 'supported' || s === 'security';
  });
}

/** "Ubuntu 24.04 LTS (Noble Numbat)": how a release is named in headings, feeds, search results and the API. */
export function releaseName(distroName: string, r: Pick<Release, 'version' | 'codename' | 'lts'>): string {
  return `${distroName} ${r.version}${r.lts ? ' LTS' : ''}${r.codename ? ` (${r.codename})` : ''}`;
}

export type LifecycleEventKind = 'release' | 'support-end' | 'eol';

export const EVENT_LABELS: Readonly<Record<LifecycleEventKind, string>> = UI.lifecycle.event;

export interface LifecycleEvent<R = Release> {
  kind: LifecycleEventKind;
  date: Date;
  release: R;
}

/**
 * The dated events of a release: its release day, the end of full support when security fixes follow it (both end
 * dates published), and its end of life (the last published end date). Calendars, feeds and the lifecycles page
 * all list these, so they agree on what an event is.
 */
export function lifecycleEvents<R extends Pick<Release, 'released' | 'supportEnd' | 'eol'>>(r: R): LifecycleEvent<R>[] {
  const events: LifecycleEvent<R>[] = [{ kind: 'release', date: r.released, release: r }];
  if (r.supportEnd && r.eol) events.push({ kind: 'support-end', date: r.supportEnd, release: r });
  const end = finalDate(r);
  if (end) events.push({ kind: 'eol', date: end, release: r });
  return events;
}

/** The same day twelve months later (UTC), e.g. the horizon of "ending in the next 12 months". */
export function monthsLater(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
}

/** End-of-support events after `now` and on or before `until`, soonest first. */
export function endingBetween<R extends Pick<Release, 'released' | 'supportEnd' | 'eol'>>(
  releases: readonly R[],
  now: Date,
  until: Date,
): LifecycleEvent<R>[] {
  return releases
    .flatMap((r) => lifecycleEvents(r))
    .filter((e) => e.kind !== 'release' && e.date > now && e.date <= until)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}
