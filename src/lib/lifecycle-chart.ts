import { supportStatus, type SupportStatus } from './lifecycle.ts';
import type { Release } from '../schemas/distro.ts';

export interface ChartBar {
  version: string;
  /** The text drawn left of the bar: the version on a hub, "Ubuntu 24.04" on the all-distributions timeline. */
  axisLabel: string;
  label: string;
  y: number;
  /** Full support: release to supportEnd (or to eol/open end). */
  full: { x: number; width: number };
  /** Security-only support: supportEnd to eol, when both are published. */
  security?: { x: number; width: number };
  /** True when no end date is published and the bar runs to the chart's edge. */
  openEnded: boolean;
  /** Where an open-ended bar's arrowhead starts: the bar stops there and the arrow points past the last year. */
  arrow?: { x: number; width: number };
  status: SupportStatus;
}

export interface Chart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number };
  rowHeight: number;
  years: { year: number; x: number }[];
  now: { x: number; label: string } | null;
  bars: ChartBar[];
}

/** One bar of a timeline: a release and the label it is drawn with. */
export interface TimelineRow {
  release: Release;
  axisLabel: string;
  label: string;
}

/**
 * Geometry of the lifecycle chart, in SVG user units. Releases are rows (newest on top); the x axis runs from the
 * January before the oldest release to the year after the latest end date (or the build date, if later).
 */
export function lifecycleChart(
  releases: readonly Release[],
  now: Date,
  opts: { width?: number; rowHeight?: number } = {},
): Chart | null {
  const rows = [...releases]
    .sort((a, b) => b.released.getTime() - a.released.getTime())
    .map((r) => ({ release: r, axisLabel: r.version, label: r.codename ? `${r.version} ${r.codename}` : r.version }));
  return timelineChart(rows, now, opts);
}

/** Width of the arrowhead that ends a bar with no published end date (it would otherwise look like one). */
export const OPEN_ARROW = 8;

/**
 * A timeline of any rows, in the order given. `from` starts the axis at a later January than the oldest release
 * (bars that began earlier start at the left edge), so a chart of many distributions stays readable.
 */
export function timelineChart(
  rows: readonly TimelineRow[],
  now: Date,
  opts: { width?: number; rowHeight?: number; labelWidth?: number; from?: Date } = {},
): Chart | null {
  if (rows.length === 0) return null;
  const width = opts.width ?? 800;
  const rowHeight = opts.rowHeight ?? 28;
  const plot = { left: opts.labelWidth ?? 110, right: width - 16, top: 28 };
  const sorted = rows.map((row) => row.release);
  const starts = sorted.map((r) => r.released.getTime());
  const ends = sorted.flatMap((r) =>
    [r.supportEnd?.getTime(), r.eol?.getTime()].filter((t): t is number => t !== undefined),
  );
  const oldest = new Date(Math.min(...starts)).getUTCFullYear();
  const minYear = opts.from ? Math.max(oldest, opts.from.getUTCFullYear()) : oldest;
  const maxYear = new Date(Math.max(...ends, now.getTime(), ...starts)).getUTCFullYear() + 1;
  const t0 = Date.UTC(minYear, 0, 1);
  const t1 = Date.UTC(maxYear, 0, 1);
  const x = (t: number) => plot.left + ((Math.max(t, t0) - t0) / (t1 - t0)) * (plot.right - plot.left);
  const years = [];
  const step = maxYear - minYear > 16 ? 4 : maxYear - minYear > 8 ? 2 : 1;
  for (let y = minYear; y <= maxYear; y += step) years.push({ year: y, x: x(Date.UTC(y, 0, 1)) });

  const bars: ChartBar[] = rows.map(({ release: r, axisLabel, label }, i) => {
    const start = r.released.getTime();
    const fullEnd = (r.supportEnd ?? r.eol)?.getTime();
    const openEnded = fullEnd === undefined;
    const fullStop = fullEnd ?? t1;
    const bar: ChartBar = {
      version: r.version,
      axisLabel,
      label,
      y: plot.top + i * rowHeight,
      full: { x: x(start), width: Math.max(2, x(fullStop) - x(start) - (openEnded ? OPEN_ARROW : 0)) },
      openEnded,
      status: supportStatus(r, now),
    };
    if (openEnded) bar.arrow = { x: bar.full.x + bar.full.width, width: OPEN_ARROW };
    if (r.supportEnd && r.eol && r.eol > r.supportEnd) {
      bar.security = {
        x: x(r.supportEnd.getTime()),
        width: Math.max(2, x(r.eol.getTime()) - x(r.supportEnd.getTime())),
      };
    }
    return bar;
  });
  const nowX = now.getTime() >= t0 && now.getTime() <= t1 ? x(now.getTime()) : null;
  return {
    width,
    height: plot.top + rows.length * rowHeight + 8,
    plot,
    rowHeight,
    years,
    now: nowX === null ? null : { x: nowX, label: 'Today' },
    bars,
  };
}
