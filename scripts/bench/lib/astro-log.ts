/**
 * Phase timings from an `astro build` log. Astro prints wall-clock stamps with one-second resolution only, so the
 * runner stamps every line on arrival (ms since the process started) and phases between two lines use those.
 */
export interface LogLine {
  /** ms since the build process was started, when the line arrived. */
  t: number;
  line: string;
}

export interface AstroPhases {
  /** "Syncing content" → "Synced content" (arrival times). */
  contentSyncMs?: number;
  /** "[types] Generated 1.86s". */
  typesMs?: number;
  /** "Building static entrypoints" → "generating static routes" (arrival times): Vite/Rolldown bundling. */
  bundleMs?: number;
  /** "✓ Completed in …" after "generating static routes": rendering every page. */
  renderMs?: number;
  /** "✓ Completed" after the routes → "N page(s) built" (arrival times): the astro:build:done hooks. */
  postRenderMs?: number;
  /** Every "[downstream:<name>] … in X ms" line: time an integration reports for its own work. */
  integrations: Record<string, number>;
  /** "[downstream:pagefind] indexed N pages in X ms". */
  pagefindMs?: number;
  pagefindPages?: number;
  /** "[build] N page(s) built in X". */
  pages?: number;
  astroTotalMs?: number;
  /** Number of MODULE_LEVEL_DIRECTIVE warnings (one per MDX entry). */
  mdxWarnings: number;
  /** Why the content store was cleared at sync ("Astro config changed", …): a warm build that did this was not warm. */
  cacheCleared?: string[];
}

import { stripVTControlCharacters as stripAnsi } from 'node:util';
export { stripAnsi };

/** "230ms", "2.93s", "1m 3s" → ms. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)\s*ms$/.exec(t);
  if (m) return Math.round(Number(m[1]));
  m = /^(\d+(?:\.\d+)?)\s*s$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 1000);
  m = /^(\d+)m\s*(\d+)s$/.exec(t);
  if (m) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  return undefined;
}

export function parseAstroLog(lines: readonly LogLine[]): AstroPhases {
  const out: AstroPhases = { mdxWarnings: 0, integrations: {} };
  let renderEnd: number | undefined;
  let syncStart: number | undefined;
  let entryStart: number | undefined;
  let inRoutes = false;
  for (const { t, line: raw } of lines) {
    const line = stripAnsi(raw);
    if (line.includes('MODULE_LEVEL_DIRECTIVE')) out.mdxWarnings++;
    const cleared = /\[content\] ((?:Astro config|Content config|Astro version) changed)/.exec(line);
    if (cleared) (out.cacheCleared ??= []).push(cleared[1]!);
    if (syncStart === undefined && /\[content\] Syncing content/.test(line)) syncStart = t;
    else if (syncStart !== undefined && out.contentSyncMs === undefined && /\[content\] Synced content/.test(line)) {
      out.contentSyncMs = Math.round(t - syncStart);
    }
    let m = /\[types\] Generated (\S+)/.exec(line);
    if (m) out.typesMs = parseDuration(m[1]!);
    if (entryStart === undefined && /\[build\] Building \w+ entrypoints/.test(line)) entryStart = t;
    if (/generating static routes/.test(line)) {
      inRoutes = true;
      if (entryStart !== undefined && out.bundleMs === undefined) out.bundleMs = Math.round(t - entryStart);
      continue;
    }
    m = /✓ Completed in ([^.]+(?:\.\d+)?[a-z]*)\.?\s*$/.exec(line);
    if (inRoutes && m && !line.includes('[build]')) {
      out.renderMs = parseDuration(m[1]!);
      renderEnd = t;
      inRoutes = false;
    }
    m = /\[(downstream:[\w-]+)\] .* in (\d+(?:\.\d+)?\s*(?:ms|s))\b/.exec(line);
    if (m) {
      const d = parseDuration(m[2]!.replace(/\s+/g, ''));
      if (d !== undefined) out.integrations[m[1]!.slice('downstream:'.length)] = d;
    }
    m = /\[downstream:pagefind\] indexed (\d+) pages in (\d+) ms/.exec(line);
    if (m) {
      out.pagefindPages = Number(m[1]);
      out.pagefindMs = Number(m[2]);
    }
    // The Pagefind CLI run after the bare reference's `astro build`.
    m = /^\s*Finished in ([\d.]+) seconds/.exec(line);
    if (m) out.integrations['pagefind-cli'] = Math.round(Number(m[1]) * 1000);
    m = /\[build\] (\d+) page\(s\) built in (.+?)\s*$/.exec(line);
    if (m) {
      out.pages = Number(m[1]);
      out.astroTotalMs = parseDuration(m[2]!);
      if (renderEnd !== undefined) out.postRenderMs = Math.round(t - renderEnd);
    }
  }
  return out;
}

export interface PhaseMemory {
  phase: string;
  /** Duration of the window (arrival time of its closing line minus the previous one). */
  ms: number;
  /** Highest tree RSS sampled in the window. */
  peakBytes: number;
  /** CPU seconds the whole process tree spent in the window (from the cumulative CPU timeline), when sampled. */
  cpuS?: number;
}

/** Cumulative CPU at time t from a [ms, seconds] timeline: linear between the samples around t. */
export function cpuAt(timeline: readonly (readonly [number, number])[], t: number): number {
  if (timeline.length === 0 || t <= 0) return 0;
  let prev: readonly [number, number] = [0, 0];
  for (const point of timeline) {
    if (point[0] >= t) {
      const span = point[0] - prev[0];
      return span <= 0 ? point[1] : prev[1] + ((point[1] - prev[1]) * (t - prev[0])) / span;
    }
    prev = point;
  }
  return prev[1];
}

/**
 * Splits a build into windows closed by the lines that end a phase (content synced, bundling done, pages rendered,
 * each integration's own "done" line, the final summary) and reports the peak RSS sampled in each. Integrations
 * log when they finish, so the window that ends with "[downstream:x] …" is x's work. For a build that died, the
 * last window runs until exit.
 */
export function peakByPhase(
  lines: readonly LogLine[],
  timeline: readonly (readonly [number, number])[],
  endMs: number,
  cpuTimeline?: readonly (readonly [number, number])[],
): PhaseMemory[] {
  const marks: { t: number; phase: string }[] = [];
  let inRoutes = false;
  let rendered = false;
  for (const { t, line: raw } of lines) {
    const line = stripAnsi(raw);
    if (/\[(WARN|ERROR)\]/.test(line)) continue;
    if (/\[content\] Synced content/.test(line)) marks.push({ t, phase: 'content sync (from start)' });
    else if (/generating static routes/.test(line)) {
      marks.push({ t, phase: 'bundle' });
      inRoutes = true;
    } else if (inRoutes && /✓ Completed in/.test(line) && !line.includes('[build]')) {
      marks.push({ t, phase: 'render pages' });
      inRoutes = false;
      rendered = true;
    } else if (/\[build\] \d+ page\(s\) built in/.test(line)) marks.push({ t, phase: 'other hooks' });
    else if (/^\s*Finished in [\d.]+ seconds/.test(line)) marks.push({ t, phase: 'pagefind CLI' });
    else if (rendered) {
      const m = /\[(@astrojs\/[\w-]+|downstream:[\w-]+)\]/.exec(line);
      if (m) marks.push({ t, phase: m[1]!.replace(/^downstream:/, '') });
    }
  }
  const out: PhaseMemory[] = [];
  let from = 0;
  const windows = [
    ...marks,
    { t: endMs, phase: `until exit${marks.length ? ` (after ${marks[marks.length - 1]!.phase})` : ''}` },
  ];
  for (const w of windows) {
    let peak = 0;
    for (const [t, rss] of timeline) if (t >= from && t <= w.t + 200) peak = Math.max(peak, rss);
    const cpuS = cpuTimeline?.length
      ? Math.round((cpuAt(cpuTimeline, w.t) - cpuAt(cpuTimeline, from)) * 100) / 100
      : undefined;
    out.push({ phase: w.phase, ms: Math.round(w.t - from), peakBytes: peak, ...(cpuS === undefined ? {} : { cpuS }) });
    from = w.t;
  }
  // Drop empty trailing windows (a successful build exits right after its summary line).
  // (Unless the tail still used CPU: orphans of the tree that outlive it, such as Pagefind's backend.)
  return out.filter((w, i) => w.peakBytes > 0 && (i < out.length - 1 || w.ms > 500 || (w.cpuS ?? 0) >= 0.1));
}
