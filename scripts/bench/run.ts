/**
 * `npm run bench`: build-time, memory, page-weight, search and Lighthouse figures for Downstream.
 * Run `npm run bench -- --help` for the flags. Figures only: nothing here passes or fails on a number.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArchive, type GeneratedArticle } from './lib/generator.ts';
import { addOnDisk, readRefs, touchOnDisk, writeTree } from './lib/archive.ts';
import {
  astroBuild,
  BENCH_BUILD_DATE,
  makeBareProject,
  makeSiteProject,
  type BuildKind,
  type BuildMeasure,
} from './lib/astro-build.ts';
import { hugoBinary, hugoBuild, hugoVersion, makeHugoProject } from './lib/hugo.ts';
import { killActive, dirSize } from './lib/measure.ts';
import { describeMachine } from './lib/machine.ts';
import { serveStatic } from './lib/serve.ts';
import { launch, measurePage, measureSearch, type SearchRun } from './lib/browser.ts';
import { runLighthouse } from './lib/lighthouse.ts';
import { benchImportedArchive, describeImport, renderImported } from './lib/imported.ts';
import { archiveQueries, articlesOnDisk, type QueryArticle } from './lib/queries.ts';
import { cpuShares, kB, mib, renderMarkdown, sec, msf, type ArchiveStats, type Results } from './lib/report.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = join(REPO, 'bench/work');
const RESULTS_DIR = join(REPO, 'bench/results');
const PARTS = ['archives', 'warm', 'bare', 'hugo', 'imported', 'site', 'search', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/articles/almalinux-abi-compatibility/' },
  { name: 'distro hub', path: '/distros/almalinux/' },
  { name: 'search', path: '/search/' },
];
const QUERIES = ['kernel', 'end of life', 'security', 'almalinux', 'migration', 'x86-64-v2'];
/** Queries not in QUERIES, for the direct Pagefind API probe (a query the page has not searched yet). */
const FRESH_QUERIES = ['firmware', 'glibc', 'governance', 'wayland', 'selinux', 'rolling'];
const BUILD_TIMEOUT_MS = 45 * 60_000;
/** Heap for a second attempt when a build runs out of Node's default heap (the machine has 24 GiB). */
const HEAP_RETRY_MB = 16384;
const ECHO =
  /Finished in [\d.]+ seconds|\[content\] Synced content|generating static routes|\[downstream:[\w-]+\] .* in \d|page\(s\) built in|\[ERROR\]|error TS|Error:/;

const HELP = `npm run bench [-- flags]

Builds synthetic archives with the real site and measures them; measures the real site's pages, search and
Lighthouse scores. Writes bench/results/latest.{json,md} (full default run), quick.{json,md} (--quick) or
partial.{json,md} (any other selection; --name overrides). Work files go to bench/work/ (git-ignored).

The default run builds 1,000, 5,000 and 10,000 articles cold and warm, the bare Astro and Hugo references, the
real site, search and Lighthouse: it takes about 30 to 40 minutes on 2 cores.

  --quick               200-article smoke run of every part (a few minutes)
  --sizes 1000,5000     archive sizes to build (default 1000,5000,10000)
  --ref-size N          corpus size for the bare Astro and Hugo references (default 1000, or the smallest size)
  --skip a,b            skip parts: ${PARTS.join(', ')}
  --only a,b            run only these parts
  --seed N              generator seed (default 20261125)
  --imported-posts N    posts in the quirky Jekyll archive of the "imported" part (default 2000; --quick 200):
                        generated, imported with npm run import, then built; \`--only imported\` runs just that
  --lighthouse-runs N   Lighthouse runs per page, median reported (default 1)
  --name NAME           write bench/results/NAME.{json,md}
  --help
`;

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

function parse() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      'ref-size': { type: 'string' },
      skip: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      'imported-posts': { type: 'string' },
      'lighthouse-runs': { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const list = (s: string | undefined) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
  const posInt = (s: string, what: string) => {
    const v = Number(s.replace(/_/g, ''));
    if (!Number.isInteger(v) || v <= 0 || v > 100_000)
      throw new Error(`${what}: expected a whole number between 1 and 100000, got "${s}"`);
    return v;
  };
  for (const p of [...list(values.skip), ...list(values.only)]) {
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`unknown part "${p}": use ${PARTS.join(', ')}`);
  }
  const only = list(values.only) as Part[];
  const skip = new Set(list(values.skip) as Part[]);
  const parts = new Set<Part>(PARTS.filter((p) => (only.length === 0 || only.includes(p)) && !skip.has(p)));
  const sizes = values.quick
    ? [200]
    : values.sizes
      ? list(values.sizes).map((s) => posInt(s, '--sizes'))
      : [1000, 5000, 10000];
  sizes.sort((a, b) => a - b);
  const refSize = values['ref-size']
    ? posInt(values['ref-size'], '--ref-size')
    : values.quick
      ? 200
      : sizes.includes(1000)
        ? 1000
        : sizes[0]!;
  const defaultRun =
    !values.quick &&
    !values.sizes &&
    !values['ref-size'] &&
    !values.skip &&
    !values.only &&
    !values.seed &&
    !values['imported-posts'];
  const mode: Results['mode'] = values.quick ? 'quick' : defaultRun ? 'full' : 'partial';
  return {
    parts,
    sizes,
    refSize,
    seed: values.seed ? posInt(values.seed, '--seed') : 20261125,
    importedPosts: values['imported-posts']
      ? posInt(values['imported-posts'], '--imported-posts')
      : values.quick
        ? 200
        : 2000,
    lighthouseRuns: values['lighthouse-runs'] ? posInt(values['lighthouse-runs'], '--lighthouse-runs') : 1,
    mode,
    name: values.name ?? (mode === 'full' ? 'latest' : mode),
    skipped: PARTS.filter((p) => !parts.has(p)),
  };
}

function archiveStats(list: GeneratedArticle[], tree: string, generateMs: number): ArchiveStats {
  const words = list.map((a) => a.words);
  return {
    articles: list.length,
    md: list.filter((a) => a.ext === 'md').length,
    mdx: list.filter((a) => a.ext === 'mdx').length,
    wordsMin: Math.min(...words),
    wordsMean: Math.round(words.reduce((s, x) => s + x, 0) / words.length),
    wordsMax: Math.max(...words),
    sourceBytes: dirSize(join(tree, 'articles')).bytes,
    generateMs: Math.round(generateMs),
  };
}

function describeBuild(b: BuildMeasure): string {
  const cleared = b.phases?.cacheCleared?.length ? ` [content store cleared: ${b.phases.cacheCleared.join(', ')}]` : '';
  const changed = b.code?.changedDuringBuild ? " [the site's code changed during this build]" : '';
  if (b.ok) return `${describeOk(b)}${cleared}${changed}`;
  if (b.oom)
    return `FAILED: JavaScript heap out of memory after ${sec(b.wallMs)} (peak RSS ${mib(b.peakTreeRssBytes)}), after "${b.failedAfter ?? '?'}"; log: ${b.logFile}`;
  return `FAILED (exit ${b.exitCode}) after ${sec(b.wallMs)}, after "${b.failedAfter ?? '?'}"; log: ${b.logFile}\n${b.error ?? ''}`;
}

function describeOk(b: BuildMeasure): string {
  const shares = cpuShares(b);
  return `${sec(b.wallMs)}, CPU ${sec(((b.cpuUserS ?? 0) + (b.cpuSysS ?? 0)) * 1000)} (whole tree${b.cpuOrphanS ? `, ${sec(b.cpuOrphanS * 1000)} in unreaped processes` : ''}; /usr/bin/time saw ${sec(b.timeCpuS == null ? null : b.timeCpuS * 1000)}), load ${b.loadAvgBefore.toFixed(2)} → ${b.loadAvgAfter?.toFixed(2) ?? '?'}${shares ? `\n    CPU by phase: ${shares}` : ''}\n    ${b.pages ?? '?'} pages (${b.pagesPerSec ?? '?'}/s), peak RSS ${mib(b.peakTreeRssBytes)} tree / ${mib(b.timeMaxRssBytes ?? b.peakProcessRssBytes)} largest, output ${kB(b.outBytes)}, pagefind ${kB(b.pagefindBytes)}; sync ${msf(b.phases?.contentSyncMs)}, bundle ${msf(b.phases?.bundleMs)}, render ${msf(b.phases?.renderMs)}, build:done hooks ${msf(b.phases?.postRenderMs)} (${Object.entries(
    b.phases?.integrations ?? {},
  )
    .map(([k, v]) => `${k} ${msf(v)}`)
    .join(', ')})`;
}

function writeResults(results: Results, name: string): { json: string; md: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, `${name}.json`);
  const md = join(RESULTS_DIR, `${name}.md`);
  const markdown = [
    renderMarkdown(results),
    ...(results.imported ? ['', ...renderImported(results.imported)] : []),
  ].join('\n');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, markdown);
  return { json, md, markdown };
}

async function main(): Promise<void> {
  const opt = parse();
  const started = Date.now();
  mkdirSync(join(WORK, 'logs'), { recursive: true });
  const machine = describeMachine(REPO);
  const hugo = hugoBinary();
  machine.hugo = hugo ? hugoVersion(hugo) : null;
  const results: Results = {
    schema: 1,
    mode: opt.mode,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date(started).toISOString(),
    options: {
      sizes: opt.sizes,
      refSize: opt.refSize,
      seed: opt.seed,
      skip: opt.skipped,
      queries: QUERIES,
      lighthouseRuns: opt.lighthouseRuns,
    },
    machine,
    archives: [],
    builds: [],
    references: { articles: opt.refSize, bare: [], hugo: [] },
    search: { runs: [] },
    lighthouse: { results: [] },
    notes: [],
  };
  const has = (p: Part) => opt.parts.has(p);
  const save = () =>
    writeResults(
      {
        ...results,
        machine: { ...results.machine, loadAvgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
        finishedAt: new Date().toISOString(),
        durationS: Math.round((Date.now() - started) / 1000),
      },
      opt.name,
    );

  if (machine.commit)
    log(
      `Measuring commit ${machine.commit.hash.slice(0, 12)} (${machine.commit.branch})${machine.commit.dirty ? ` with uncommitted changes: ${machine.commit.dirty}` : ''}`,
    );
  log(
    `Downstream benchmark (${opt.mode}): parts ${[...opt.parts].join(', ') || 'none'}; sizes ${opt.sizes.join(', ')}; references over ${opt.refSize} articles.`,
  );
  if (opt.mode === 'full')
    log('The full default run takes about 30 to 40 minutes on 2 cores. Use --quick for a 200-article smoke run.');
  log(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${mib(machine.memoryBytes)}, Node ${machine.node}, Astro ${machine.astro}, load average ${machine.loadAvgAtStart.join(' ')}`,
  );
  if (machine.loadAvgAtStart[0]! > 0.5) {
    const note = `Load average was ${machine.loadAvgAtStart[0]} at start: other work on the machine can inflate build times (see "load avg before" per build).`;
    results.notes.push(note);
    log(`  note: ${note}`);
  }
  if (!machine.timeBinary)
    log(
      '  /usr/bin/time is not installed: peak RSS comes from /proc sampling only (apt-get install -y time adds rusage figures).',
    );

  // 1. Synthetic archives.
  const needCorpus = has('archives') || has('bare') || has('hugo');
  const treeSizes = [
    ...new Set([...(has('archives') ? opt.sizes : []), ...(has('bare') || has('hugo') ? [opt.refSize] : [])]),
  ].sort((a, b) => a - b);
  const trees = new Map<number, { tree: string; articles: GeneratedArticle[]; next: GeneratedArticle }>();
  if (needCorpus && treeSizes.length > 0) {
    const refs = readRefs(join(REPO, 'content'));
    log(
      `\n[generate] ${treeSizes.at(-1)} articles, seed ${opt.seed}: ${refs.authors.length} desks, ${refs.distros.length} distributions, ${refs.topics.length} topics, ${refs.series.length} series from content/`,
    );
    const t0 = performance.now();
    // One article more than the largest archive: the article each archive's "one added" build publishes.
    const all = generateArchive(treeSizes.at(-1)! + 1, { seed: opt.seed, refs });
    const genMs = ((performance.now() - t0) * (all.length - 1)) / all.length;
    for (const size of treeSizes) {
      const tree = join(WORK, `a${size}`, 'content');
      const list = all.slice(0, size);
      writeTree(tree, join(REPO, 'content'), list);
      trees.set(size, { tree, articles: list, next: all[size]! });
      const stats = archiveStats(list, tree, (genMs * size) / (all.length - 1));
      results.archives.push(stats);
      log(
        `  a${size}: ${stats.md} .md + ${stats.mdx} .mdx, ${stats.wordsMin}-${stats.wordsMax} words (mean ${stats.wordsMean}), ${kB(stats.sourceBytes)} → ${tree}`,
      );
    }
  }

  // 3. References over the same corpus, right after the site's own builds of it (similar machine conditions).
  let refsDone = false;
  const references = async () => {
    refsDone = true;
    const refTree = trees.get(opt.refSize);
    if (has('bare') && refTree) {
      const dir = join(WORK, 'bare');
      makeBareProject(dir, REPO);
      for (const kind of ['cold', 'warm'] as const) {
        if (kind === 'warm' && !has('warm')) break;
        const target = refTree.articles[Math.floor(refTree.articles.length / 2)]!;
        const restore = kind === 'warm' ? touchOnDisk(refTree.tree, target, new Date().toISOString()) : () => undefined;
        log(`\n[build] bare Astro over ${opt.refSize} articles, ${kind}`);
        try {
          const b = await astroBuild({
            label: 'bare',
            repo: REPO,
            projDir: dir,
            contentDir: refTree.tree,
            outDir: join(dir, 'dist'),
            articles: opt.refSize,
            kind,
            logFile: join(WORK, 'logs', `bare-a${opt.refSize}-${kind}.log`),
            timeoutMs: BUILD_TIMEOUT_MS,
            echo: ECHO,
            pagefindCli: true,
          });
          results.references.bare.push(b);
          log(`  ${kind}: ${describeBuild(b)}`);
          if (!b.ok) break;
        } finally {
          restore();
        }
      }
      save();
    }
    if (has('hugo') && refTree) {
      if (!hugo) {
        results.references.hugoSkipped = 'hugo not installed (apt-get install hugo)';
        log('\nhugo not installed (apt-get install hugo)');
      } else {
        const dir = join(WORK, 'hugo');
        const count = makeHugoProject(dir, refTree.tree);
        for (const kind of ['cold', 'warm'] as const) {
          if (kind === 'warm' && !has('warm')) break;
          if (kind === 'warm') {
            const target = refTree.articles[Math.floor(refTree.articles.length / 2)]!;
            const file = join(dir, 'content/articles', `${target.slug}.md`);
            writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited for the warm benchmark build.\n`);
          }
          log(`\n[build] Hugo over ${count} articles, ${kind}`);
          const b = await hugoBuild({
            bin: hugo,
            dir,
            outDir: join(dir, 'public'),
            articles: count,
            kind,
            logFile: join(WORK, 'logs', `hugo-a${opt.refSize}-${kind}.log`),
            label: 'hugo',
          });
          results.references.hugo.push(b);
          log(
            `  ${kind}: ${b.ok ? `${sec(b.wallMs)}, ${b.pages} pages, peak RSS ${mib(b.peakTreeRssBytes)}, output ${kB(b.outBytes)}` : `FAILED: ${b.error}`}`,
          );
          if (!b.ok) break;
        }
        save();
      }
    }
  };

  // 2. Cold and warm builds of the real site over each archive.
  const built = new Map<number, string>();
  let heapForAll: number | undefined;
  if (has('archives')) {
    for (const size of opt.sizes) {
      const { tree, articles, next } = trees.get(size)!;
      const base = join(WORK, `a${size}`);
      makeSiteProject(join(base, 'proj'), REPO);
      const outDir = join(base, 'dist');
      const build = (kind: BuildKind, heapLimitMb: number | undefined) =>
        astroBuild({
          label: 'site',
          repo: REPO,
          projDir: join(base, 'proj'),
          contentDir: tree,
          outDir,
          articles: size,
          kind,
          logFile: join(WORK, 'logs', `site-a${size}-${kind}${heapLimitMb ? `-heap${heapLimitMb}` : ''}.log`),
          timeoutMs: BUILD_TIMEOUT_MS,
          echo: ECHO,
          heapLimitMb,
        });
      log(`\n[build] site over ${size} articles, cold${heapForAll ? ` with --max-old-space-size=${heapForAll}` : ''}`);
      let heap = heapForAll;
      let cold = await build('cold', heap);
      results.builds.push(cold);
      log(`  cold: ${describeBuild(cold)}`);
      if (!cold.ok && cold.oom && !heap) {
        // Record the failure, then measure what it takes: the same build with a larger V8 heap. Larger archives
        // go straight to the larger heap (they would fail the same way, later).
        heap = heapForAll = HEAP_RETRY_MB;
        results.notes.push(
          `The cold build of ${size} articles ran out of heap (Astro's cap: ${cold.astroHeapCapMb ?? '?'} MiB) after ${sec(cold.wallMs)}, after "${cold.failedAfter ?? '?'}"; it was measured again with --max-old-space-size=${heap}, and larger archives were built with that heap from the start.`,
        );
        log(
          `  JavaScript heap out of memory after "${cold.failedAfter ?? '?'}": building again with --max-old-space-size=${heap}`,
        );
        cold = await build('cold', heap);
        results.builds.push(cold);
        log(`  cold (heap ${heap} MB): ${describeBuild(cold)}`);
      }
      if (cold.ok) built.set(size, outDir);
      if (cold.ok && has('warm')) {
        const target = articles[Math.floor(articles.length / 2)]!;
        // A warm build whose content store was cleared (someone edited the site's config meanwhile) was not warm:
        // keep its figures, flagged, and build once more.
        // The changed article stays changed until after the "added" build, so that build differs from the one
        // before it by the new article alone.
        let restore = () => {};
        for (let attempt = 1; attempt <= 2; attempt++) {
          restore();
          restore = touchOnDisk(tree, target, `${new Date().toISOString()} #${attempt}`);
          log(
            `[build] site over ${size} articles, warm (changed ${target.slug}.${target.ext})${heap ? ` with --max-old-space-size=${heap}` : ''}`,
          );
          let warm: BuildMeasure;
          try {
            warm = await build('warm', heap);
          } catch (error) {
            restore();
            throw error;
          }
          results.builds.push(warm);
          log(`  warm: ${describeBuild(warm)}`);
          if (!warm.ok) {
            built.delete(size);
            break;
          }
          if (!warm.phases?.cacheCleared?.length) break;
          const why = warm.phases.cacheCleared.join(', ');
          results.notes.push(
            `The first warm build of ${size} articles found "${why}" and cleared the content store (the site's code changed between the builds: other work in progress), so it was really cold; it was built warm again.`,
          );
          log(
            `  the content store was cleared (${why}): the site's config changed since the cold build; building warm again`,
          );
        }
        // Publishing: one new article, dated the build clock's day (the newest), into the warm archive.
        if (!built.has(size)) restore();
        else {
          const remove = addOnDisk(tree, next, BENCH_BUILD_DATE);
          log(`[build] site over ${size} articles + 1 added (${next.slug}.${next.ext})`);
          let added: BuildMeasure;
          try {
            added = await build('added', heap);
          } finally {
            remove();
            restore();
          }
          results.builds.push(added);
          log(`  added: ${describeBuild(added)}`);
          if (!added.ok) built.delete(size);
        }
      }
      save();
      if (size === opt.refSize) await references();
    }
  }

  if (!refsDone) await references();

  // 3b. An imported archive: a quirky Jekyll site through `npm run import`, then built (scripts/bench/lib/imported.ts).
  if (has('imported')) {
    log(`\n[import] quirky Jekyll archive of ${opt.importedPosts} posts`);
    results.imported = await benchImportedArchive({
      repo: REPO,
      work: WORK,
      posts: opt.importedPosts,
      seed: opt.seed,
      timeoutMs: BUILD_TIMEOUT_MS,
      echo: ECHO,
      log,
    });
    if (!results.imported.import.ok) log(`  ${describeImport(results.imported.import)}`);
    if (results.imported.build) log(`  cold: ${describeBuild(results.imported.build)}`);
    save();
  }

  // 4. The real site: build once, then page costs, search and Lighthouse against a loopback server.
  const siteDist = join(WORK, 'site', 'dist');
  let siteOk = false;
  if (has('site') || has('search') || has('lighthouse')) {
    makeSiteProject(join(WORK, 'site', 'proj'), REPO);
    log('\n[build] real site (content/) with BASE_PATH=/');
    const realArticles = readdirSync(join(REPO, 'content', 'articles')).filter((f) => /^[^_].*\.mdx?$/.test(f)).length;
    const b = await astroBuild({
      label: 'real site',
      repo: REPO,
      projDir: join(WORK, 'site', 'proj'),
      contentDir: join(REPO, 'content'),
      outDir: siteDist,
      articles: realArticles,
      kind: 'cold',
      logFile: join(WORK, 'logs', 'site-real.log'),
      env: { BASE_PATH: '/' },
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    log(`  ${describeBuild(b)}`);
    siteOk = b.ok;
    results.realSite = { build: b, pages: [] };
    if (!b.ok) results.realSite.skipped = `the real site did not build (exit ${b.exitCode}); see ${b.logFile}`;
  }

  const needBrowser = (has('site') || has('search')) && (siteOk || built.size > 0 || has('search'));
  if (needBrowser) {
    const browser = await launch();
    try {
      if (has('site') && siteOk) {
        const server = await serveStatic(siteDist);
        try {
          log(`\n[pages] real site at ${server.url}`);
          for (const p of PAGES) {
            const cost = await measurePage(browser, server.url, p.name, p.path);
            results.realSite!.pages.push(cost);
            if (cost.skipped) log(`  ${p.name} ${p.path}: skipped (${cost.skipped})`);
            else
              log(
                `  ${p.name} ${p.path}: ${cost.requests} requests, ${kB(cost.total!.raw)} raw / ${kB(cost.total!.gzip)} gzip / ${kB(cost.total!.brotli)} brotli (html ${kB(cost.byCategory!.html.raw)}, css ${kB(cost.byCategory!.css.raw)}, js ${kB(cost.byCategory!.js.raw)}, fonts ${kB(cost.byCategory!.font.raw)}, images ${kB(cost.byCategory!.image.raw)})`,
              );
          }
        } finally {
          await server.close();
        }
      }
      if (has('search')) {
        const targets: { site: string; dist: string }[] = [];
        let largest = [...built.keys()].sort((a, b) => b - a)[0];
        let articles: readonly QueryArticle[] | undefined =
          largest !== undefined ? trees.get(largest)?.articles : undefined;
        if (largest !== undefined) targets.push({ site: `synthetic ${largest}`, dist: built.get(largest)! });
        else {
          // No archive built in this run: use the largest one left by an earlier run, if any.
          const earlier = [10000, 5000, 1000, 200].find((s) => existsSync(join(WORK, `a${s}`, 'dist', 'pagefind')));
          if (earlier) {
            // Its own words, as for an archive built in this run (the fixed lists match most of a synthetic archive).
            largest = earlier;
            articles = articlesOnDisk(join(WORK, `a${earlier}`, 'content'));
            targets.push({
              site: `synthetic ${earlier} (built by an earlier run)`,
              dist: join(WORK, `a${earlier}`, 'dist'),
            });
            results.notes.push(
              `Search on the synthetic archive used bench/work/a${earlier}/dist from an earlier run (built ${statSync(join(WORK, `a${earlier}`, 'dist')).mtime.toISOString()}).`,
            );
          } else (results.search.skipped ??= []).push('no synthetic archive build available for search');
        }
        if (siteOk) targets.push({ site: 'real site', dist: siteDist });
        // On a synthetic archive: mid-frequency words and pairs of its own vocabulary (typed queries and fresh API
        // queries alternate through the picks); on the real site the fixed lists.
        const picks = articles ? archiveQueries(articles) : [];
        if (picks.length >= 4)
          results.notes.push(
            `Search queries on synthetic ${largest} (articles holding every word): ${picks.map((p) => `“${p.query}” ${p.articles}`).join(', ')}.`,
          );
        for (const t of targets) {
          const synthetic = picks.length >= 4 && t.dist !== siteDist;
          const typed = synthetic ? picks.filter((_, i) => i % 2 === 0).map((p) => p.query) : QUERIES;
          const fresh = synthetic ? picks.filter((_, i) => i % 2 === 1).map((p) => p.query) : FRESH_QUERIES;
          const server = await serveStatic(t.dist);
          try {
            log(`\n[search] ${t.site} at ${server.url}`);
            for (let i = 0; i < typed.length; i++) {
              const first = typed[i]!;
              const second = typed[(i + 1) % typed.length]!;
              let run: SearchRun;
              try {
                run = await measureSearch(
                  browser,
                  server.url,
                  t.site,
                  first,
                  second,
                  typed[(i + 2) % typed.length],
                  fresh[i % fresh.length],
                );
              } catch (e) {
                (results.search.skipped ??= []).push(`${t.site} “${first}”: ${(e as Error).message.split('\n')[0]}`);
                log(`  “${first}”: failed: ${(e as Error).message.split('\n')[0]}`);
                continue;
              }
              results.search.runs.push(run);
              log(
                `  cold “${first}”: index ready ${msf(run.cold.indexReadyMs)}, results ${msf(run.cold.latencyMs)} after the last key (first update ${msf(run.cold.firstChangeMs)}, ${run.cold.changes ?? '?'} updates, ${run.cold.results ?? '?'} results), Pagefind ${kB(run.cold.pagefind.raw)} raw / ${kB(run.cold.pagefind.brotli)} br, everything ${kB(run.cold.total.brotli)} br in ${run.cold.requests} requests`,
              );
              log(
                `  warm “${second}”: ${msf(run.warm.latencyMs)} (first update ${msf(run.warm.firstChangeMs)}, ${run.warm.changes ?? '?'} updates, ${run.warm.results ?? '?'} results), +${kB(run.warm.total.raw)} in ${run.warm.requests} requests`,
              );
              if (run.pasted)
                log(
                  `  pasted “${run.pasted.query}”: ${msf(run.pasted.latencyMs)} (first update ${msf(run.pasted.firstChangeMs)}, ${run.pasted.changes ?? '?'} updates, ${run.pasted.results ?? '?'} results), +${kB(run.pasted.total.raw)} in ${run.pasted.requests} requests`,
                );
              if (run.library)
                log(
                  `  Pagefind API: search(“${run.library.query}”) again ${msf(run.library.searchMs)} (${run.library.results} results), data() ×10 ${msf(run.library.dataMs)}; search(“${run.library.freshQuery}”) first time ${msf(run.library.freshSearchMs)} (${run.library.freshResults} results)`,
                );
            }
          } finally {
            await server.close();
          }
        }
      }
    } finally {
      await browser.close();
    }
    save();
  }

  if (has('lighthouse')) {
    if (!siteOk) results.lighthouse.skipped = 'the real site did not build';
    else {
      const server = await serveStatic(siteDist);
      const reportDir = join(WORK, 'lighthouse');
      rmSync(reportDir, { recursive: true, force: true });
      mkdirSync(reportDir, { recursive: true });
      try {
        log(`\n[lighthouse] real site at ${server.url} (mobile, ${opt.lighthouseRuns} run(s) per page)`);
        const r = await runLighthouse(server.url, PAGES, opt.lighthouseRuns, reportDir);
        if (typeof r === 'string') {
          results.lighthouse.skipped = r;
          log(`  skipped: ${r}`);
        } else {
          results.lighthouse.results = r;
          for (const l of r) {
            if (l.skipped) log(`  ${l.name} ${l.path}: skipped (${l.skipped})`);
            else
              log(
                `  ${l.name} ${l.path}: performance ${l.scores!.performance}, accessibility ${l.scores!.accessibility}, best practices ${l.scores!['best-practices']}, SEO ${l.scores!.seo}; LCP ${l.metrics!['LCP ms']} ms, TBT ${l.metrics!['TBT ms']} ms, CLS ${l.metrics!.CLS}`,
              );
          }
        }
      } catch (e) {
        results.lighthouse.skipped = `Lighthouse failed: ${(e as Error).message.split('\n')[0]}`;
        log(`  ${results.lighthouse.skipped}`);
      } finally {
        await server.close();
      }
    }
  } else results.lighthouse.skipped = 'not selected (--skip lighthouse)';

  const { json, md, markdown } = save();
  log(`\n${markdown}`);
  log(`Wrote ${json} and ${md} in ${Math.round((Date.now() - started) / 60000)} min.`);
}

process.on('SIGINT', () => {
  killActive();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killActive();
  process.exit(143);
});

main().catch((e) => {
  killActive();
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
