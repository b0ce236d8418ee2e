/** The results document and its Markdown rendering (pure). */
import type { BuildMeasure } from './astro-build.ts';
import type { PageCost, SearchRun } from './browser.ts';
import type { ImportedScenario } from './imported.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import type { Bucket, Category } from './weights.ts';

export interface ArchiveStats {
  articles: number;
  md: number;
  mdx: number;
  wordsMin: number;
  wordsMean: number;
  wordsMax: number;
  sourceBytes: number;
  generateMs: number;
}

export interface Results {
  schema: 1;
  mode: 'full' | 'quick' | 'partial';
  command: string;
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  options: {
    sizes: number[];
    refSize: number;
    seed: number;
    skip: string[];
    queries: string[];
    lighthouseRuns: number;
  };
  machine: Machine;
  archives: ArchiveStats[];
  builds: BuildMeasure[];
  references: {
    articles: number;
    bare: BuildMeasure[];
    hugo: BuildMeasure[];
    hugoSkipped?: string;
    bareSkipped?: string;
  };
  realSite?: { build?: BuildMeasure; pages: PageCost[]; skipped?: string };
  search: { runs: SearchRun[]; skipped?: string[] };
  lighthouse: { results: LighthouseResult[]; skipped?: string };
  /** The imported-archive scenario (`--only imported`): scripts/bench/lib/imported.ts. */
  imported?: ImportedScenario;
  notes: string[];
}

const MiB = 1024 * 1024;
export const kB = (b: number | undefined | null) =>
  b == null ? '–' : b >= 10_000_000 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1000).toFixed(1)} kB`;
export const mib = (b: number | undefined | null) => (b == null || b === 0 ? '–' : `${Math.round(b / MiB)} MiB`);
export const sec = (ms: number | undefined | null) =>
  ms == null ? '–' : ms >= 100_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
export const msf = (ms: number | undefined | null) => (ms == null ? '–' : `${Math.round(ms)} ms`);
const n = (x: number | undefined | null) => (x == null ? '–' : x.toLocaleString('en-GB'));

export function table(head: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const sep = head.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : '---'));
  return [
    `| ${head.join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(String).join(' | ')} |`),
  ].join('\n');
}

const cpu = (b: BuildMeasure) =>
  b.cpuUserS == null
    ? '–'
    : `${Math.round((b.cpuUserS ?? 0) + (b.cpuSysS ?? 0))} s (${b.cpuPercent ?? '–'}%)${b.cpuOrphanS ? `, ${b.cpuOrphanS.toFixed(1)} s unreaped` : ''}`;

const load = (b: BuildMeasure) =>
  `${b.loadAvgBefore.toFixed(2)} → ${b.loadAvgAfter == null ? '–' : b.loadAvgAfter.toFixed(2)}`;

/** "content sync 28 %, bundle 8 %, …": each phase's share of the tree's CPU. */
export function cpuShares(b: BuildMeasure): string | undefined {
  const phases = (b.memoryByPhase ?? []).filter((p) => p.cpuS != null);
  const total = (b.cpuUserS ?? 0) + (b.cpuSysS ?? 0);
  if (phases.length === 0 || total <= 0) return undefined;
  const shares = phases.map((p) => `${p.phase} ${Math.round((p.cpuS! / total) * 100)} % (${p.cpuS!.toFixed(1)} s)`);
  // The sampled CPU of the tree can only grow; a drop means a process left it between two samples without being
  // seen (its CPU is in the total, which comes from what was reaped, but the split around it is off).
  const drop = phases.filter((p) => p.cpuS! < 0).reduce((s, p) => s + p.cpuS!, 0);
  if (drop < 0) shares.push(`(split unreliable: the sampled CPU fell by ${(-drop).toFixed(1)} s, the total is right)`);
  return shares.join(', ');
}

/** "1,000: one changed 40 s wall …, one added 45 s …, cold 65 s": the publishing builds beside the cold one. */
export function publishing(builds: BuildMeasure[]): string[] {
  const sizes = [...new Set(builds.filter((b) => b.kind !== 'cold').map((b) => b.articles))];
  const figures = (b: BuildMeasure) =>
    `${sec(b.wallMs)} wall, ${sec(((b.cpuUserS ?? 0) + (b.cpuSysS ?? 0)) * 1000)} CPU, peak ${mib(b.peakTreeRssBytes)} (load ${b.loadAvgBefore.toFixed(1)})`;
  return sizes.map((size) => {
    const last = (k: BuildMeasure['kind']) =>
      builds.filter((b) => b.articles === size && b.kind === k && b.ok && !b.phases?.cacheCleared?.length).at(-1);
    const [cold, warm, added] = [last('cold'), last('warm'), last('added')];
    const parts = [
      warm ? `one changed ${figures(warm)}` : 'one changed: –',
      added ? `one added ${figures(added)}` : 'one added: –',
      cold ? `cold ${figures(cold)}` : 'cold: –',
    ];
    return `- ${n(size)} articles: ${parts.join('; ')}`;
  });
}

const kindLabel = (b: BuildMeasure) =>
  b.kind === 'warm' ? 'warm, 1 changed' : b.kind === 'added' ? 'warm, 1 added' : b.kind;

function buildRows(builds: BuildMeasure[]) {
  return builds.map((b) => [
    `${n(b.articles)} ${kindLabel(b)}${b.heapLimitMb ? ` (heap ${Math.round(b.heapLimitMb / 1024)} GiB)` : b.astroHeapCapMb ? ` (Astro heap cap ${b.astroHeapCapMb} MiB)` : ''}${b.ok ? '' : b.oom ? ' **out of memory**' : ' **FAILED**'}${b.kind !== 'cold' && b.phases?.cacheCleared?.length ? ' (store cleared: not warm)' : ''}${b.code?.changedDuringBuild ? ' (code edited during build)' : ''}`,
    sec(b.wallMs),
    n(b.pages),
    b.pagesPerSec ?? '–',
    sec(b.msPer1000Articles),
    b.cpuUserS == null ? '–' : `${Math.round((((b.cpuUserS ?? 0) + (b.cpuSysS ?? 0)) / b.articles) * 1000)} s`,
    mib(b.peakTreeRssBytes),
    mib(b.timeMaxRssBytes ?? b.peakProcessRssBytes),
    cpu(b),
    kB(b.outBytes),
    kB(b.pagefindBytes),
    msf(b.phases?.contentSyncMs),
    msf(b.phases?.bundleMs),
    msf(b.phases?.renderMs),
    msf(b.phases?.postRenderMs),
    b.otherBusyCores == null ? load(b) : `${b.otherBusyCores.toFixed(2)} (${load(b)})`,
  ]);
}

const BUILD_HEAD = [
  'articles',
  'wall',
  'pages',
  'pages/s',
  'wall per 1,000 articles',
  'CPU per 1,000 articles',
  'peak RSS (tree)',
  'peak RSS (largest process)',
  'CPU user+sys',
  'output',
  'pagefind/',
  'content sync',
  'bundle',
  'render pages',
  'build:done hooks',
  'other work: CPUs (load avg before → after)',
];

const bucket = (b: Bucket | undefined) => (b ? `${kB(b.raw)} / ${kB(b.gzip)} / ${kB(b.brotli)}` : '–');

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Downstream benchmark (${r.mode})`, '');
  out.push(
    `Run ${r.startedAt}${r.durationS ? `, ${Math.round(r.durationS / 60)} min` : ''}: \`${r.command}\`${m.commit ? ` on commit ${m.commit.hash.slice(0, 12)}${m.commit.dirty ? ' (with uncommitted changes)' : ''}` : ''}. Figures only, no pass/fail.`,
    '',
  );
  out.push('## Machine', '');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', `${m.cpuModel}${m.cpuMHz ? ` (${m.cpuMHz} MHz)` : ''}, ${m.cores} cores`],
        ['Memory', mib(m.memoryBytes)],
        ['OS', `${m.os}, Linux ${m.kernel}`],
        ['Node', m.node],
        ['Astro / MDX / Pagefind', `${m.astro} / ${m.mdx} / ${m.pagefind}`],
        [
          'Chromium / Playwright / Lighthouse',
          `${m.chromium ?? '–'} / ${m.playwright ?? '–'} / ${m.lighthouse ?? 'not installed'}`,
        ],
        ['Hugo', m.hugo ?? 'not installed'],
        ['Load average at start', m.loadAvgAtStart.join(', ')],
        ['Load average at the end', m.loadAvgAtEnd?.join(', ') ?? '–'],
        [
          'Commit measured',
          m.commit
            ? `${m.commit.hash}${m.commit.dirty ? ` plus uncommitted changes (${m.commit.dirty})` : ''} (${m.commit.branch})`
            : '–',
        ],
        ['Build clock (BUILD_DATE)', m.buildDate],
      ],
      ['l', 'l'],
    ),
    '',
  );

  if (r.archives.length > 0) {
    out.push('## Synthetic archives', '');
    out.push(
      table(
        ['articles', '.md', '.mdx', 'words min / mean / max', 'source size', 'generated in'],
        r.archives.map((a) => [
          n(a.articles),
          n(a.md),
          n(a.mdx),
          `${a.wordsMin} / ${a.wordsMean} / ${a.wordsMax}`,
          kB(a.sourceBytes),
          msf(a.generateMs),
        ]),
      ),
      '',
    );
  }

  if (r.builds.length > 0) {
    out.push('## Build of the real site over synthetic archives', '');
    const failed = r.builds.filter((b) => !b.ok);
    if (failed.length) {
      out.push('Failed builds (figures in their rows are up to the failure):', '');
      for (const b of failed)
        out.push(
          `- ${n(b.articles)} ${b.kind}${b.heapLimitMb ? ` (heap ${b.heapLimitMb} MB)` : ''}: ${b.oom ? 'JavaScript heap out of memory' : `exit ${b.exitCode}`} after ${sec(b.wallMs)}, after \`${b.failedAfter ?? '?'}\``,
        );
      out.push('');
    }
    out.push(
      "Cold: content cache (`.cache/data-store.json`, the project's `node_modules/.astro` equivalent), `.astro/`, Vite cache and output deleted first. " +
        "Warm: one article's body changed, caches kept, output deleted (as `npm run build` does). Added: then one new article published (dated the build clock's day, so the newest) into that warm state, the changed article still changed. Peak RSS (tree) is the highest sum of RSS over the build's process tree, sampled every 200 ms; " +
        "largest process is `/usr/bin/time -v`'s maximum resident set size when available. Phases come from the log (arrival times of lines). " +
        'CPU is the whole process tree: every process the build started, including the ones it leaves running when it exits (Pagefind\'s `pagefind_extended --service` backend, "unreaped"), which `/usr/bin/time` does not count.',
      '',
    );
    out.push(table(BUILD_HEAD, buildRows(r.builds)), '');
    const publish = publishing(r.builds);
    if (publish.length)
      out.push('Publishing into an archive (end to end, as `npm run build`; target ≤ 2 min wall):', '', ...publish, '');
    out.push(
      '"Other work" is the machine-wide busy CPU count during the build minus the build\'s own CPU use (/proc/stat and rusage): anything above ~0.2 means other processes competed for the 2 cores and the wall times are inflated.',
      '',
    );
    const withHooks = r.builds.filter((b) => b.ok && b.phases && Object.keys(b.phases.integrations ?? {}).length);
    if (withHooks.length) {
      out.push('Time the integrations report for their own work (build:done hooks and checks):', '');
      for (const b of withHooks)
        out.push(
          `- ${n(b.articles)} ${b.kind}: ${Object.entries(b.phases!.integrations)
            .map(([k, v]) => `${k} ${sec(v)}`)
            .join(', ')}`,
        );
      out.push('');
    }
    const withCpu = [...r.builds, ...r.references.bare].filter((b) => cpuShares(b));
    if (withCpu.length) {
      out.push("Share of the process tree's CPU by phase (same windows as below):", '');
      for (const b of withCpu) out.push(`- ${b.label} ${n(b.articles)} ${b.kind}: ${cpuShares(b)}`);
      out.push('');
    }
    const withMem = r.builds.filter((b) => b.memoryByPhase?.length);
    if (withMem.length) {
      out.push(
        "Peak RSS of the process tree by phase (window duration in brackets; an integration's window ends when it logs that it is done):",
        '',
      );
      for (const b of withMem) {
        out.push(
          `- ${n(b.articles)} ${b.kind}${b.heapLimitMb ? ` (heap ${Math.round(b.heapLimitMb / 1024)} GiB)` : ''}${b.ok ? '' : ' (failed)'}: ${b.memoryByPhase!.map((p) => `${p.phase} ${mib(p.peakBytes)} (${sec(p.ms)})`).join(', ')}`,
        );
      }
      out.push('');
    }
    const cold = r.builds.filter((b) => b.kind === 'cold' && b.ok && b.outBreakdown?.length);
    if (cold.length) {
      out.push('Where the output goes (largest top-level entries, cold builds):', '');
      for (const b of cold)
        out.push(
          `- ${n(b.articles)} articles, ${n(b.outFiles)} files: ${b.outBreakdown!.map((e) => `\`${e.name}\` ${kB(e.bytes)} (${n(e.files)} files)`).join(', ')}`,
        );
      out.push('');
    }
  }

  const ref = r.references;
  if (ref.bare.length > 0 || ref.hugo.length > 0) {
    out.push(`## References over the same ${n(ref.articles)} articles`, '');
    // The site's last successful cold and warm builds of this corpus (a retried warm build replaces a flagged one).
    const siteAll = r.builds.filter((b) => b.articles === ref.articles && b.ok);
    const lastOf = (k: 'cold' | 'warm') =>
      siteAll.filter((b) => b.kind === k && !(k === 'warm' && b.phases?.cacheCleared?.length)).at(-1);
    const site = [lastOf('cold'), lastOf('warm')].filter((b): b is BuildMeasure => !!b);
    const row = (name: string, list: BuildMeasure[]) => {
      const c = list.find((b) => b.kind === 'cold');
      const w = list.find((b) => b.kind === 'warm');
      const cpuS = (b?: BuildMeasure) =>
        b?.cpuUserS == null ? '–' : sec(((b.cpuUserS ?? 0) + (b.cpuSysS ?? 0)) * 1000);
      return [
        name,
        sec(c?.wallMs),
        sec(w?.wallMs),
        cpuS(c),
        cpuS(w),
        sec(c?.msPer1000Articles),
        n(c?.pages),
        mib(c?.peakTreeRssBytes),
        kB(c?.outBytes),
        c?.otherBusyCores?.toFixed(2) ?? '–',
      ];
    };
    const rows = [];
    if (site.length) rows.push(row('Downstream (real site)', site));
    if (ref.bare.length) rows.push(row('bare Astro (same Markdown pipeline, one route)', ref.bare));
    if (ref.hugo.length) rows.push(row(`Hugo (${(m.hugo ?? '').split(' ')[1] ?? ''})`, ref.hugo));
    out.push(
      table(
        [
          'project',
          'cold wall',
          'warm wall',
          'cold CPU',
          'warm CPU',
          'cold wall per 1,000',
          'pages',
          'peak RSS (tree)',
          'output',
          'other work (CPUs, cold)',
        ],
        rows,
      ),
      '',
    );
    const sc = site.find((b) => b.kind === 'cold' && b.ok);
    const bc = ref.bare.find((b) => b.kind === 'cold' && b.ok);
    const hc = ref.hugo.find((b) => b.kind === 'cold' && b.ok);
    const cpuOf = (b: BuildMeasure) => (b.cpuUserS ?? NaN) + (b.cpuSysS ?? 0);
    if (sc && bc) {
      out.push(
        'Bare Astro runs the Pagefind CLI over its output after `astro build`, in the same measured command, so both sides include a search index.',
        '',
      );
      out.push(
        `Downstream cold build = ${(sc.wallMs / bc.wallMs).toFixed(2)}× bare Astro${hc ? `, ${(sc.wallMs / hc.wallMs).toFixed(0)}× Hugo` : ''} in wall time; bare Astro = ${hc ? `${(bc.wallMs / hc.wallMs).toFixed(0)}× Hugo` : '–'}.`,
      );
      if (Number.isFinite(cpuOf(sc)) && Number.isFinite(cpuOf(bc)))
        out.push(
          `In CPU time of the whole process tree (less sensitive to other work on the machine): Downstream = ${(cpuOf(sc) / cpuOf(bc)).toFixed(2)}× bare Astro${hc && Number.isFinite(cpuOf(hc)) ? `, bare Astro = ${(cpuOf(bc) / cpuOf(hc)).toFixed(0)}× Hugo` : ''}.`,
        );
      const sw = site.find((b) => b.kind === 'warm' && b.ok);
      const bw = ref.bare.find((b) => b.kind === 'warm' && b.ok);
      if (sw && bw && Number.isFinite(cpuOf(sw)) && Number.isFinite(cpuOf(bw)))
        out.push(
          `Warm (one article changed): Downstream = ${(cpuOf(sw) / cpuOf(bw)).toFixed(2)}× bare Astro in CPU, ${(sw.wallMs / bw.wallMs).toFixed(2)}× in wall time.`,
        );
      out.push('');
    }
    if (ref.hugoSkipped) out.push(`Hugo: ${ref.hugoSkipped}`, '');
    if (ref.bareSkipped) out.push(`Bare Astro: ${ref.bareSkipped}`, '');
  }

  if (r.realSite) {
    out.push('## Page costs of the real site (content/)', '');
    if (r.realSite.build) {
      const b = r.realSite.build;
      out.push(
        `Built in ${sec(b.wallMs)} (${n(b.pages)} pages, peak RSS ${mib(b.peakTreeRssBytes)}, output ${kB(b.outBytes)}, pagefind/ ${kB(b.pagefindBytes)}).`,
        '',
      );
    }
    if (r.realSite.skipped) out.push(`Skipped: ${r.realSite.skipped}`, '');
    out.push('Bytes as raw / gzip -9 / brotli 11 (types a host would not compress count raw). kB = 1,000 bytes.', '');
    const cats: Category[] = ['html', 'css', 'js', 'font', 'image', 'search-index', 'other'];
    out.push(
      table(
        ['page', 'requests', ...cats, 'total raw', 'total gzip', 'total brotli'],
        r.realSite.pages.map((p) =>
          p.skipped
            ? [`${p.name} (${p.path})`, `skipped: ${p.skipped}`, ...cats.map(() => ''), '', '', '']
            : [
                `${p.name} (${p.path})`,
                p.requests,
                ...cats.map((c) =>
                  p.byCategory![c].count ? `${kB(p.byCategory![c].raw)} (${p.byCategory![c].count})` : '–',
                ),
                kB(p.total!.raw),
                kB(p.total!.gzip),
                kB(p.total!.brotli),
              ],
        ),
      ),
      '',
    );
    const largest = r.realSite.pages.filter((p) => p.largest?.length);
    if (largest.length) {
      out.push('Largest responses:', '');
      for (const p of largest)
        out.push(
          `- ${p.name}: ${p
            .largest!.slice(0, 3)
            .map((l) => `\`${l.url}\` ${kB(l.bytes)} (br ${kB(l.brotli)})`)
            .join(', ')}`,
        );
      out.push('');
    }
  }

  if (r.search.runs.length > 0 || r.search.skipped?.length) {
    out.push('## Search', '');
    out.push(
      'Cold: fresh browser context, /search/ loaded until the index is ready, then the query typed (40 ms between keys); bytes are the page load plus the query (network idle). ' +
        'Warm: a second query in the same page. Latency: last keystroke → the last update of the results list or status line before they stay unchanged for 1.5 s (the final results). ' +
        '"First update" is the first change after the last keystroke. When it comes much earlier than the final results, the page first showed a superseded query\'s results. "Updates" counts the changes. Targets: first query < 300 kB in total (Pagefind files, as served with brotli), results < 100 ms after the last keystroke once the index is loaded.',
      '',
    );
    const med = (xs: (number | null | undefined)[]) => {
      const v = xs.filter((x): x is number => x != null).sort((a, b) => a - b);
      return v.length ? v[Math.floor((v.length - 1) / 2)]! : null;
    };
    const sites = [...new Set(r.search.runs.map((s) => s.site))];
    // The search page fetches the filter index after the first results are shown (facets follow the results).
    const beforeResults = (s: SearchRun) =>
      s.cold.pagefind.brotli -
      (s.cold.pagefindParts.filters?.brotli ?? 0) -
      (s.cold.pagefindParts['facet instance']?.brotli ?? 0);
    out.push(
      table(
        [
          'site',
          'index ready (median)',
          'cold latency median / max',
          'warm latency median / max',
          'first query, Pagefind files br: median / max',
          'of which before the results (no filter index): median / max',
          'first query, everything br: max',
          'warm query added br: median',
        ],
        sites.map((site) => {
          const runs = r.search.runs.filter((s) => s.site === site);
          const cl = runs.map((s) => s.cold.latencyMs);
          const wl = runs.map((s) => s.warm.latencyMs);
          const max = (xs: (number | null)[]) => Math.max(...xs.filter((x): x is number => x != null));
          return [
            site,
            msf(med(runs.map((s) => s.cold.indexReadyMs))),
            `${msf(med(cl))} / ${msf(max(cl))}`,
            `${msf(med(wl))} / ${msf(max(wl))}`,
            `${kB(med(runs.map((s) => s.cold.pagefind.brotli)))} / ${kB(max(runs.map((s) => s.cold.pagefind.brotli)))}`,
            `${kB(med(runs.map(beforeResults)))} / ${kB(max(runs.map(beforeResults)))}`,
            kB(max(runs.map((s) => s.cold.total.brotli))),
            kB(med(runs.map((s) => s.warm.total.brotli))),
          ];
        }),
      ),
      '',
    );
    const probes = r.search.runs.filter((s) => s.pasted || s.library);
    if (probes.length) {
      out.push(
        'Where the time goes. Pasted: a third query entered as one input event in the same page (no keystroke backlog). Pagefind API: search() called directly in the page, for the cold query again (chunks loaded: pure search work) and for a query never searched before (chunk loading + work); data() of its first 10 results.',
        '',
      );
      out.push(
        table(
          [
            'site',
            'typed (cold query)',
            'pasted query',
            'pasted latency',
            'results',
            'API search() again',
            'API data() ×10',
            'API fresh query',
            'API fresh search()',
            'results',
          ],
          probes.map((s) => [
            s.site,
            `“${s.cold.query}” ${msf(s.cold.latencyMs)}`,
            s.pasted ? `“${s.pasted.query}”` : '–',
            msf(s.pasted?.latencyMs),
            n(s.pasted?.results),
            msf(s.library?.searchMs),
            msf(s.library?.dataMs),
            s.library ? `“${s.library.freshQuery}”` : '–',
            msf(s.library?.freshSearchMs),
            n(s.library?.freshResults),
          ]),
        ),
        '',
      );
    }
    out.push(
      table(
        [
          'site',
          'query',
          'index ready',
          'latency (final results)',
          'first update',
          'updates',
          'results',
          'requests',
          'Pagefind files raw / gz / br',
          'everything raw / gz / br',
          'vs 300 kB (Pagefind br)',
          'vs 100 ms',
        ],
        r.search.runs.flatMap((s) => [
          [
            s.site,
            `cold “${s.cold.query}”`,
            msf(s.cold.indexReadyMs),
            msf(s.cold.latencyMs),
            msf(s.cold.firstChangeMs),
            s.cold.changes ?? '–',
            n(s.cold.results),
            s.cold.requests,
            bucket(s.cold.pagefind),
            bucket(s.cold.total),
            s.cold.pagefind.brotli < 300_000 ? 'under' : 'over',
            s.cold.latencyMs == null ? '–' : s.cold.latencyMs < 100 ? 'under' : 'over',
          ],
          [
            s.site,
            `warm “${s.warm.query}”`,
            '',
            msf(s.warm.latencyMs),
            msf(s.warm.firstChangeMs),
            s.warm.changes ?? '–',
            n(s.warm.results),
            s.warm.requests,
            bucket(s.warm.pagefind),
            bucket(s.warm.total),
            '',
            s.warm.latencyMs == null ? '–' : s.warm.latencyMs < 100 ? 'under' : 'over',
          ],
        ]),
      ),
      '',
    );
    const parts = new Map<string, SearchRun>();
    for (const s of r.search.runs) if (!parts.has(s.site)) parts.set(s.site, s);
    for (const [site, s] of parts) {
      out.push(
        `Cold Pagefind bytes by file kind on ${site} (“${s.cold.query}”): ${Object.entries(s.cold.pagefindParts)
          .map(([k, b]) => `${k} ${kB(b.raw)} ×${b.count}`)
          .join(', ')}.`,
      );
    }
    out.push('');
    for (const sk of r.search.skipped ?? []) out.push(`Skipped: ${sk}`, '');
  }

  out.push('## Lighthouse (mobile emulation, simulated throttling)', '');
  if (r.lighthouse.skipped) out.push(`Skipped: ${r.lighthouse.skipped}`, '');
  if (r.lighthouse.results.length > 0) {
    const metricKeys = ['FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms'];
    out.push(
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', ...metricKeys, 'issues (score < 0.9)'],
        r.lighthouse.results.map((l) =>
          l.skipped
            ? [`${l.name} (${l.path})`, `skipped: ${l.skipped}`, '', '', '', ...metricKeys.map(() => ''), '']
            : [
                `${l.name} (${l.path})`,
                l.scores!.performance ?? '–',
                l.scores!.accessibility ?? '–',
                l.scores!['best-practices'] ?? '–',
                l.scores!.seo ?? '–',
                ...metricKeys.map((k) => l.metrics![k] ?? '–'),
                (l.topIssues ?? []).join(', ') || '–',
              ],
        ),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
    if (r.lighthouse.results[0]?.runs) out.push(`Median of ${r.lighthouse.results[0].runs} run(s) per page.`, '');
  }

  const all = [...r.builds, ...r.references.bare, ...(r.realSite?.build ? [r.realSite.build] : [])].filter(
    (b) => b.code && b.label !== 'bare',
  );
  const prints = [...new Set(all.map((b) => b.code!.hash))];
  if (prints.length > 1 || all.some((b) => b.code!.changedDuringBuild)) {
    out.push('## Code changes during the run', '');
    out.push(
      'Other work edited the site while the benchmark ran. Builds with different fingerprints (of src/, public/, astro.config.mjs and package-lock.json) measured different code:',
      '',
    );
    out.push(
      table(
        ['fingerprint', 'newest file at build start', 'builds'],
        prints.map((h) => {
          const bs = all.filter((b) => b.code!.hash === h);
          return [
            h,
            `${bs[0]!.code!.newestFile} (${bs[0]!.code!.newest.slice(11, 19)} UTC)`,
            bs
              .map(
                (b) => `${b.label} ${n(b.articles)} ${b.kind}${b.code!.changedDuringBuild ? ' (edited during)' : ''}`,
              )
              .join(', '),
          ];
        }),
        ['l', 'l', 'l'],
      ),
      '',
    );
  }

  if (r.notes.length > 0) {
    out.push('## Notes', '');
    for (const note of r.notes) out.push(`- ${note}`);
    out.push('');
  }
  return out.join('\n');
}
