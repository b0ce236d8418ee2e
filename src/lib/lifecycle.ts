import type { Release } from '../schemas/distro.ts';

export type SupportStatus = 'upcoming' | 'supported' | 'security' | 'eol';

export const STATUS_LABELS: Record<SupportStatus, string> = {
  upcoming: 'Upcoming',
  supported: 'Supported',
  security: 'Security fixes only',
  eol: 'End of life',
};

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
