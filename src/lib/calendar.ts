import { createEvents, type EventAttributes } from 'ics';
import type { Release } from '../schemas/distro.ts';
import { lifecycleEvents } from './lifecycle.ts';

export interface CalendarDistro {
  id: string;
  name: string;
  url: string;
  releases: readonly Release[];
}

const day = (d: Date): [number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000);

/** All-day events for each release date and published end of support; UIDs are stable across builds. */
export function releaseEvents(distro: CalendarDistro, host: string, stamp: Date): EventAttributes[] {
  const events: EventAttributes[] = [];
  const add = (kind: string, date: Date, title: string, description: string, version: string) =>
    events.push({
      uid: `${distro.id}-${version.replace(/[^A-Za-z0-9.-]/g, '_')}-${kind}@${host}`,
      start: day(date),
      end: day(nextDay(date)),
      title,
      description,
      url: distro.url,
      categories: [distro.name, kind === 'release' ? 'Release' : 'End of support'],
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      // DTSTAMP comes from the build clock, so rebuilding the same content on the same day is byte-identical.
      timestamp: stamp.getTime(),
    } as EventAttributes);
  const text = {
    release: (label: string) => [`${label} released`, `${label} was released.`],
    'support-end': (label: string) => [
      `${label}: full support ends`,
      `${label} leaves full support and receives security fixes only until its end of life.`,
    ],
    eol: (label: string) => [
      `${label} reaches end of life`,
      `${label} receives no further updates, including security fixes, after this date.`,
    ],
  } as const;
  for (const r of distro.releases) {
    const label = `${distro.name} ${r.version}${r.codename ? ` (${r.codename})` : ''}`;
    for (const e of lifecycleEvents(r)) {
      const [title, description] = text[e.kind](label);
      add(e.kind, e.date, title!, description!, r.version);
    }
  }
  return events;
}

/** An iCalendar (RFC 5545) document; throws with the reason when the library rejects an event. */
export function calendar(name: string, events: EventAttributes[]): string {
  return write(events, name);
}

function write(events: EventAttributes[], calName: string | undefined): string {
  const { error, value } = createEvents(events, { productId: '-//Downstream//Release calendar//EN', calName });
  if (error || !value)
    throw new Error(`Could not write the calendar "${calName ?? 'events'}": ${error?.message ?? 'no output'}`);
  return value;
}

const END = 'END:VCALENDAR';

/**
 * The VEVENT blocks of some events, as the library writes them (validated once: the site's calendar holds every
 * distribution's events, and each distribution has a calendar of its own). Join sections with calendarOf().
 */
export function eventSection(events: EventAttributes[]): string {
  const doc = write(events, undefined);
  const start = doc.indexOf('BEGIN:VEVENT');
  return start < 0 ? '' : doc.slice(start, doc.lastIndexOf(END));
}

/** The same document as calendar(name, events) for the events of the sections, in their order. */
export function calendarOf(name: string, sections: readonly string[]): string {
  const empty = write([], name);
  const end = empty.lastIndexOf(END);
  return empty.slice(0, end) + sections.join('') + empty.slice(end);
}
