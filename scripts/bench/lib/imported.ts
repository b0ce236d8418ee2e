/**
 * The "imported archive" scenario of `npm run bench` (`--only imported`): generate a quirky Jekyll site
 * (jekyll-archive.ts), import it with `npm run import` in a measured child process (wall, CPU of the process
 * tree, peak RSS: measure.ts), then build the imported archive with the real site, cold, as the synthetic
 * archives are built (astro-build.ts). The content tree holds the desks, distributions, topics and series of
 * content/ and only the imported articles; content/remote-images.yaml lists the archive's remote image hosts, as
 * a newsroom would after reading the import report.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { astroBuild, childEnv, makeSiteProject, type BuildMeasure } from './astro-build.ts';
import { REMOTE_IMAGE_HOSTS, generateJekyllArchive, writeJekyllArchive, type Quirk } from './jekyll-archive.ts';
import { dirSize, runMeasured } from './measure.ts';
import { kB, mib, sec, table } from './report.ts';

export interface ImportMeasure {
  posts: number;
  /** Quirks in the generated archive (the generator's plan). */
  quirks: Record<Quirk, number>;
  sourceBytes: number;
  generateMs: number;
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  cpuUserS: number;
  cpuSysS: number;
  peakTreeRssBytes: number;
  loadAvgBefore: number;
  loadAvgAfter: number;
  /** From the importer's JSON report. */
  imported?: number;
  drafts?: number;
  skipped?: number;
  needsHuman?: number;
  redirects?: number;
  /** The importer's own timing (in-process, without Node start-up). */
  importerMs?: number;
  logFile: string;
  error?: string;
}

export interface ImportedScenario {
  import: ImportMeasure;
  build?: BuildMeasure;
  skipped?: string;
}

const REF_FILES = ['authors', 'distros', 'topics.yaml', 'series.yaml'] as const;

export async function benchImportedArchive(o: {
  repo: string;
  work: string;
  posts: number;
  seed: number;
  timeoutMs: number;
  echo?: RegExp;
  log: (msg: string) => void;
}): Promise<ImportedScenario> {
  const base = join(o.work, 'imported');
  const site = join(base, 'jekyll-site');
  const content = join(base, 'content');
  const t0 = performance.now();
  const archive = generateJekyllArchive(o.posts, o.seed);
  writeJekyllArchive(site, archive);
  const generateMs = Math.round(performance.now() - t0);
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const f of REF_FILES) cpSync(join(o.repo, 'content', f), join(content, f), { recursive: true });
  writeFileSync(join(content, 'remote-images.yaml'), `hosts: [${REMOTE_IMAGE_HOSTS.join(', ')}]\n`);
  const sourceBytes = dirSize(site).bytes;
  o.log(`  generated ${o.posts} Jekyll posts (seed ${o.seed}) in ${generateMs} ms, ${kB(sourceBytes)} → ${site}`);

  const logFile = join(o.work, 'logs', `import-jekyll-${o.posts}.log`);
  const loadAvgBefore = Math.round(loadavg()[0]! * 100) / 100;
  const r = await runMeasured(
    process.execPath,
    [
      join(o.repo, 'scripts/import/cli.ts'),
      '--from',
      'jekyll',
      site,
      '--content',
      content,
      '--prefix',
      'archive',
      '--date',
      '2026-11-25',
      '--json',
    ],
    { cwd: o.repo, env: childEnv({}), logFile, timeoutMs: o.timeoutMs },
  );
  const m: ImportMeasure = {
    posts: o.posts,
    quirks: archive.counts,
    sourceBytes,
    generateMs,
    ok: r.code === 0,
    exitCode: r.code,
    wallMs: Math.round(r.wallMs),
    cpuUserS: Math.round(r.cpu.userS * 100) / 100,
    cpuSysS: Math.round(r.cpu.sysS * 100) / 100,
    peakTreeRssBytes: r.peakTreeRssBytes,
    loadAvgBefore,
    loadAvgAfter: Math.round(loadavg()[0]! * 100) / 100,
    logFile,
  };
  const out = r.lines.map((l) => l.line).join('\n');
  try {
    const rep = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
      imported: { draft: boolean }[];
      skipped: unknown[];
      needsHuman: unknown[];
      redirects: number;
      ms: number;
    };
    Object.assign(m, {
      imported: rep.imported.length,
      drafts: rep.imported.filter((i) => i.draft).length,
      skipped: rep.skipped.length,
      needsHuman: rep.needsHuman.length,
      redirects: rep.redirects,
      importerMs: rep.ms,
    });
  } catch {
    m.ok = false;
    m.error = out.split('\n').slice(-20).join('\n');
  }
  o.log(`  import: ${describeImport(m)}`);
  if (!m.ok) return { import: m, skipped: 'the import failed: nothing to build' };

  const proj = join(base, 'proj');
  makeSiteProject(proj, o.repo);
  o.log(`[build] site over the imported archive (${m.imported} articles, ${m.drafts} of them drafts), cold`);
  const build = await astroBuild({
    label: 'imported',
    repo: o.repo,
    projDir: proj,
    contentDir: content,
    outDir: join(base, 'dist'),
    articles: m.imported ?? 0,
    kind: 'cold',
    logFile: join(o.work, 'logs', `site-imported-${o.posts}-cold.log`),
    timeoutMs: o.timeoutMs,
    echo: o.echo,
  });
  return { import: m, build };
}

export function describeImport(m: ImportMeasure): string {
  if (!m.ok) return `FAILED (exit ${m.exitCode}) after ${sec(m.wallMs)}; log: ${m.logFile}\n${m.error ?? ''}`;
  return `${m.imported} articles (${m.drafts} drafts), ${m.skipped} skipped, ${m.needsHuman} notes for a human, ${m.redirects} old URLs; ${sec(m.wallMs)} wall (importer ${sec(m.importerMs)}), CPU ${sec((m.cpuUserS + m.cpuSysS) * 1000)} (whole tree), peak RSS ${mib(m.peakTreeRssBytes)}, load ${m.loadAvgBefore} → ${m.loadAvgAfter}`;
}

/** The scenario's section of bench/results/*.md. */
export function renderImported(s: ImportedScenario): string[] {
  const i = s.import;
  const b = s.build;
  const cpu = (u?: number, y?: number) => sec(((u ?? 0) + (y ?? 0)) * 1000);
  const rows: (string | number)[][] = [
    [
      `import (${i.posts} posts)`,
      i.ok ? sec(i.wallMs) : 'failed',
      cpu(i.cpuUserS, i.cpuSysS),
      mib(i.peakTreeRssBytes),
      `${i.loadAvgBefore} → ${i.loadAvgAfter}`,
    ],
  ];
  if (b)
    rows.push([
      `build, cold (${b.articles} articles, ${b.pages ?? '?'} pages)`,
      b.ok ? sec(b.wallMs) : `failed (exit ${b.exitCode})`,
      cpu(b.cpuUserS, b.cpuSysS),
      mib(b.peakTreeRssBytes),
      `${b.loadAvgBefore.toFixed(2)} → ${b.loadAvgAfter?.toFixed(2) ?? '?'}`,
    ]);
  return [
    '## Imported archive (quirky Jekyll site → `npm run import` → build)',
    '',
    `A generated Jekyll site of ${i.posts} posts (scripts/bench/lib/jekyll-archive.ts, ${kB(i.sourceBytes)}, generated in ${i.generateMs} ms) with ` +
      `${Object.entries(i.quirks)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}. ` +
      (i.ok
        ? `The import wrote ${i.imported} articles (${i.drafts} drafts), skipped ${i.skipped} files, left ${i.needsHuman} notes for a human and ${i.redirects} old URLs. `
        : '') +
      'CPU is that of the whole process tree; peak RSS the highest sum over the tree (sampled every 200 ms).',
    '',
    table(['step', 'wall', 'CPU', 'peak RSS', 'load avg before → after'], rows),
    '',
    ...(s.skipped ? [`Build skipped: ${s.skipped}.`, ''] : []),
    ...(b && !b.ok ? [`The build failed; log: ${b.logFile}`, '', '```', b.error ?? '', '```', ''] : []),
  ];
}
