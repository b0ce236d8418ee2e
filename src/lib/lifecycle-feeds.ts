/**
 * Lifecycle events as feed entries: a release, an end of full support, an end of life, each an item dated the day
 * it happens, and only once the build clock has reached that day (a feed never announces the future). GUIDs are
 * derived from the distribution, version and kind of event, so a rebuild never re-announces an item.
 */
import type { FeedEntry } from './feeds.ts';
import type { Release } from '../schemas/distro.ts';
import { formatDate } from './dates.ts';
import { finalDate, lifecycleEvents, releaseName, type LifecycleEvent, type LifecycleEventKind } from './lifecycle.ts';
import { absoluteUrl, paths } from './urls.ts';
import { SITE } from '../site.config.ts';
import { escapeHtml } from './escape-html.ts';

export interface EventDistro {
  id: string;
  data: { name: string; releases: Release[] };
}

export interface DatedEvent extends LifecycleEvent {
  distro: EventDistro;
}

/** Events on or before `now`, newest first; ties in a fixed order (distribution, version, kind). */
export function pastEvents(distros: readonly EventDistro[], now: Date): DatedEvent[] {
  const order: Record<LifecycleEventKind, number> = { release: 0, 'support-end': 1, eol: 2 };
  return distros
    .flatMap((distro) => distro.data.releases.flatMap((r) => lifecycleEvents(r).map((e) => ({ ...e, distro }))))
    .filter((e) => e.date.getTime() <= now.getTime())
    .sort(
      (a, b) =>
        b.date.getTime() - a.date.getTime() ||
        a.distro.data.name.localeCompare(b.distro.data.name) ||
        a.release.version.localeCompare(b.release.version, 'en', { numeric: true }) ||
        order[a.kind] - order[b.kind],
    );
}

/** A tag URI (RFC 4151) that names the event, not the build: tag:host,2024-04-25:lifecycle/ubuntu/24.04/release */
export function eventGuid(siteUrl: string, e: DatedEvent): string {
  const host = new URL(siteUrl).hostname;
  return `tag:${host},${e.date.toISOString().slice(0, 10)}:lifecycle/${e.distro.id}/${e.release.version}/${e.kind}`;
}

function eventText(e: DatedEvent): { title: string; summary: string } {
  const name = releaseName(e.distro.data.name, e.release);
  const end = finalDate(e.release);
  switch (e.kind) {
    case 'release':
      return {
        title: `${name} released`,
        summary: `${name} was released on ${formatDate(e.date)}.${end ? ` It is supported until ${formatDate(end)}.` : ''}`,
      };
    case 'support-end':
      return {
        title: `${name}: full support ended`,
        summary: `${name} left full support on ${formatDate(e.date)} and receives security fixes only until ${formatDate(end!)}.`,
      };
    case 'eol':
      return {
        title: `${name} reached end of life`,
        summary: `${name} reached its end of life on ${formatDate(e.date)}: no further updates, security fixes included.`,
      };
  }
}

const EVIDENCE_FIELD = { release: 'released', 'support-end': 'supportEnd', eol: 'eol' } as const;

export function eventEntries(events: readonly DatedEvent[], site: URL): FeedEntry[] {
  const siteUrl = absoluteUrl('/', site);
  return events.map((e) => {
    const { title, summary } = eventText(e);
    const url = absoluteUrl(paths.release(e.distro.id, e.release.version), site);
    const field = e.kind === 'eol' && !e.release.eol ? 'supportEnd' : EVIDENCE_FIELD[e.kind];
    const evidence = e.release.evidence?.[field];
    const html =
      `<p>${escapeHtml(summary)}</p>` +
      `<p><a href="${escapeHtml(url)}">Every date of ${escapeHtml(e.distro.data.name)} ${escapeHtml(e.release.version)}</a>` +
      (evidence ? ` · <a href="${escapeHtml(evidence.url)}">source</a>` : '') +
      '</p>';
    return {
      id: eventGuid(siteUrl, e),
      url,
      title,
      summary,
      html,
      published: e.date,
      updated: e.date,
      authors: [SITE.name],
      tags: [e.distro.data.name, e.kind === 'release' ? 'Release' : 'End of support'],
    };
  });
}
