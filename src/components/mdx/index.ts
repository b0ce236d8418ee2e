import Callout from './Callout.astro';
import Timeline from './Timeline.astro';
import TimelineEntry from './TimelineEntry.astro';
import ReleaseDate from './ReleaseDate.astro';
import SupportEnd from './SupportEnd.astro';
import EolDate from './EolDate.astro';
import LatestRelease from './LatestRelease.astro';
import ReleaseStatus from './ReleaseStatus.astro';
import EndsIn from './EndsIn.astro';

/** Components available in every MDX article without an import. */
export const mdxComponents = {
  Callout,
  Timeline,
  TimelineEntry,
  // Lifecycle facts read from content/distros/, so prose and the database cannot drift apart.
  ReleaseDate,
  SupportEnd,
  EolDate,
  LatestRelease,
  ReleaseStatus,
  EndsIn,
};
