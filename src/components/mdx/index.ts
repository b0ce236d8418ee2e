import Callout from './Callout.astro';
import Timeline from './Timeline.astro';
import TimelineEntry from './TimelineEntry.astro';

/** Components available in every MDX article without an import. */
export const mdxComponents = { Callout, Timeline, TimelineEntry };
