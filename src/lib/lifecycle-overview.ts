/**
 * What the /lifecycles/ pages show: every release that is still supported (or not yet out) across distributions,
 * the end dates coming up in the next twelve months first, computed against the build clock.
 */
import type { FamilyId } from '../data/families.ts';
import type { Release } from '../schemas/distro.ts';
import type { TimelineRow } from './lifecycle-chart.ts';
import {
  endingBetween,
  monthsLater,
  releaseName,
  sortReleases,
  supportStatus,
  type LifecycleEvent,
} from './lifecycle.ts';

export interface OverviewDistroInput {
  id: string;
  data: { name: string; family: FamilyId; releaseModel: string; releases: Release[] };
}

export interface CurrentDistro<D extends OverviewDistroInput> {
  distro: D;
  /** Releases that have not reached their end of life, newest first. */
  releases: Release[];
}

export interface Ending<D extends OverviewDistroInput> extends LifecycleEvent {
  distro: D;
}

export interface LifecycleOverview<D extends OverviewDistroInput> {
  /** Distributions with at least one current release, in the order given (by name). */
  current: CurrentDistro<D>[];
  /** End of full support and end-of-life dates after the build date and within twelve months, soonest first. */
  endingSoon: Ending<D>[];
  horizon: Date;
  /** Rolling distributions without versioned releases. */
  rolling: D[];
  /** Distributions with a versioned release model but no release listed yet (not yet sourced). */
  unlisted: D[];
  /** Distributions whose listed releases have all reached their end of life. */
  ended: D[];
  /** Timeline rows: every current release, grouped by distribution. */
  rows: TimelineRow[];
}

export const current = (r: Release, now: Date) => supportStatus(r, now) !== 'eol';

export function lifecycleOverview<D extends OverviewDistroInput>(
  distros: readonly D[],
  now: Date,
  family?: FamilyId,
): LifecycleOverview<D> {
  const scope = family ? distros.filter((d) => d.data.family === family) : [...distros];
  const horizon = monthsLater(now, 12);
  const withCurrent = scope.map((distro) => ({
    distro,
    releases: sortReleases(distro.data.releases).filter((r) => current(r, now)),
  }));
  const currentList = withCurrent.filter((c) => c.releases.length > 0);
  const endingSoon = currentList
    .flatMap(({ distro, releases }) => endingBetween(releases, now, horizon).map((e) => ({ ...e, distro })))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.distro.data.name.localeCompare(b.distro.data.name));
  const none = withCurrent.filter((c) => c.releases.length === 0).map((c) => c.distro);
  return {
    current: currentList,
    endingSoon,
    horizon,
    rolling: none.filter((d) => d.data.releaseModel === 'rolling'),
    unlisted: none.filter((d) => d.data.releaseModel !== 'rolling' && d.data.releases.length === 0),
    ended: none.filter((d) => d.data.releaseModel !== 'rolling' && d.data.releases.length > 0),
    rows: currentList.flatMap(({ distro, releases }) =>
      releases.map((r) => ({
        release: r,
        axisLabel: `${distro.data.name} ${r.version}`,
        label: releaseName(distro.data.name, r),
      })),
    ),
  };
}

/** How many current releases each family has, for the filter links. */
export function currentCountByFamily(
  distros: readonly OverviewDistroInput[],
  now: Date,
): Partial<Record<FamilyId, number>> {
  const counts: Partial<Record<FamilyId, number>> = {};
  for (const d of distros) {
    const n = d.data.releases.filter((r) => current(r, now)).length;
    counts[d.data.family] = (counts[d.data.family] ?? 0) + n;
  }
  return counts;
}
