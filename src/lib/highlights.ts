/**
 * Lifecycle highlights for the front page, computed from the distribution database against the build clock:
 * the support deadlines coming up and the releases most recently published.
 */
import type { Release } from '../schemas/distro.ts';

export interface DistroReleases {
  id: string;
  name: string;
  releases: readonly Release[];
}

export interface Deadline {
  distro: string;
  name: string;
  version: string;
  codename?: string;
  date: Date;
  /** `supportEnd`: full support ends (security fixes may go on); `eol`: all support ends. */
  kind: 'supportEnd' | 'eol';
}

export interface RecentRelease {
  distro: string;
  name: string;
  version: string;
  codename?: string;
  date: Date;
  /** True when the date is that of a point release (`latest`) rather than the release itself. */
  point: boolean;
  /** The release cycle the point release belongs to ("13" for 13.6): its row in the hub's lifecycle table. */
  cycle: string;
}

/**
 * The support deadlines after `now` and within `days`, soonest first. A release whose `supportEnd` and `eol`
 * fall on the same day counts once, as end of life.
 */
export function upcomingDeadlines(distros: readonly DistroReleases[], now: Date, days = 365, limit = 6): Deadline[] {
  const until = now.getTime() + days * 86_400_000;
  const out: Deadline[] = [];
  for (const d of distros) {
    for (const r of d.releases) {
      const base = { distro: d.id, name: d.name, version: r.version, codename: r.codename };
      const sameDay = r.eol && r.supportEnd && r.eol.getTime() === r.supportEnd.getTime();
      if (r.supportEnd && !sameDay) out.push({ ...base, date: r.supportEnd, kind: 'supportEnd' });
      if (r.eol) out.push({ ...base, date: r.eol, kind: 'eol' });
    }
  }
  return out
    .filter((x) => x.date.getTime() > now.getTime() && x.date.getTime() <= until)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The newest releases published on or before `now` (major releases, or point releases when recorded), newest first. */
export function latestReleases(distros: readonly DistroReleases[], now: Date, limit = 6): RecentRelease[] {
  const out: RecentRelease[] = [];
  for (const d of distros) {
    for (const r of d.releases) {
      const base = { distro: d.id, name: d.name, codename: r.codename, cycle: r.version };
      if (r.released.getTime() <= now.getTime())
        out.push({ ...base, version: r.version, date: r.released, point: false });
      if (r.latest && r.latestDate && r.latestDate.getTime() <= now.getTime() && r.latest !== r.version) {
        out.push({ ...base, version: r.latest, date: r.latestDate, point: true });
      }
    }
  }
  return out.sort((a, b) => b.date.getTime() - a.date.getTime() || a.name.localeCompare(b.name)).slice(0, limit);
}
