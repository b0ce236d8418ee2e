/**
 * `npm run build`: the only way a deployable dist/ comes to be.
 *
 *   node scripts/build.ts [--out <dir>] [astro build options…]
 *
 * 1. Takes the checkout's build lock (.build.lock): a second build refuses, naming the first.
 * 2. Checks the content sources (dates as written, slugs, titles, sizes, paths, symlinks, MDX and raw HTML), in a
 *    process of its own (scripts/build/steps.ts), so that what it read is not held beside Astro's process.
 * 3. Runs `astro build` into a staging folder beside the output (`.<out>.staging`), never into dist/ itself, with a
 *    V8 heap cap (scripts/build/astro-heap.ts). With `--force` when the code that renders Markdown changed since the
 *    cached build (scripts/build/render-code.ts): Astro's content store cannot tell.
 * 4. Checks the links, anchors and images of the built article pages, in a process of its own, after Astro's
 *    process has exited (memory: the checks' own memory never adds to Astro's).
 * 5. Draws the social images, in a process of its own, after Astro's process has exited (memory).
 * 6. Removes what is not public (Astro's .prerender/ chunks hold the text of every entry, drafts included).
 * 7. Indexes the staged site with Pagefind, from this process (now small), after Astro's process has exited (memory).
 * 8. Only when every step passed: renames dist/ aside, renames the staging folder to dist/, deletes the old one.
 *
 * A failed step, Ctrl-C (SIGINT), SIGTERM or SIGKILL leaves the previous dist/ exactly as it was. A kill in the
 * microseconds between the two renames leaves dist/ under `.<out>.previous`; the next build puts it back first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { acquireBuildLock, type BuildLock } from './build/lock.ts';
import { publicOnly } from './build/public-only.ts';
import { indexSite } from '../src/integrations/pagefind.ts';
import { DEFER_ENV } from '../src/integrations/social-images/index.ts';
import { CHECKS_DEFER_ENV } from '../src/integrations/content-checks.ts';
import { cacheDir, contentDir } from '../src/site.config.ts';
import { astroStepInLog, heapExhaustedInLog, pluginFailuresInLog } from './build/astro-log.ts';
import { ASTRO_HEAP_ENV, astroHeapCap, heapExhaustedMessage, type AstroHeapCap } from './build/astro-heap.ts';
import { RENDER_CODE_FILE, renderCacheIsStale, renderCodeFingerprint } from './build/render-code.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const DIE_WITH_PARENT = pathToFileURL(join(ROOT, 'scripts/build/die-with-parent.mjs')).href;
const ARTICLE_CHECKS = join(ROOT, 'scripts/build/article-checks.ts');
const STEPS = join(ROOT, 'scripts/build/steps.ts');

class StepFailed extends Error {}

function parseArgs(argv: string[]): { out: string; astroArgs: string[] } {
  const args = [...argv];
  let out = join(ROOT, 'dist');
  const i = args.findIndex((a) => a === '--out' || a === '--outDir');
  if (i >= 0) {
    const value = args[i + 1];
    if (!value) throw new StepFailed(`${args[i]} needs a directory, e.g. ${args[i]} dist`);
    out = resolve(value);
    args.splice(i, 2);
  }
  return { out, astroArgs: args };
}

const log = (message: string) => process.stdout.write(`[build] ${message}\n`);
const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

/** Hook for the interruption tests: pause inside a step so a signal lands there, not before or after it. */
async function holdFor(step: string): Promise<void> {
  if (process.env.DOWNSTREAM_BUILD_HOLD !== step) return;
  log(`holding in step "${step}" (DOWNSTREAM_BUILD_HOLD)`);
  await new Promise((r) => setTimeout(r, 60_000));
}

let child: ChildProcess | undefined;
let lock: BuildLock | undefined;
let staging: string | undefined;

/** Everything an interrupted or failed build must undo; dist/ itself is never touched before the swap. */
function cleanUp(): void {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (staging) rmSync(staging, { recursive: true, force: true });
  lock?.release();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n[build] stopped by ${signal}: dist/ is unchanged\n`);
    cleanUp();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Runs one step in a Node process of its own (dies with this one), echoing its output. Resolves with the output on
 * exit code 0 (with `echo: false`, nothing is echoed and it resolves with stdout alone: the step's answer); rejects
 * with `failure(output, code, signal, stderr)` otherwise.
 */
function runStep(
  args: string[],
  env: NodeJS.ProcessEnv,
  failure: (output: string, code: number | null, signal: NodeJS.Signals | null, stderr: string) => Error,
  { echo = true }: { echo?: boolean } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const out: string[] = [];
    const err: string[] = [];
    child = spawn(process.execPath, ['--import', DIE_WITH_PARENT, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    const stdout: string[] = [];
    child.stdout!.on('data', (d: Buffer) => {
      out.push(d.toString());
      stdout.push(d.toString());
      if (echo) process.stdout.write(d);
    });
    child.stderr!.on('data', (d: Buffer) => {
      out.push(d.toString());
      err.push(d.toString());
      if (echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child = undefined;
      const output = stripVTControlCharacters(out.join(''));
      if (code === 0) resolvePromise(echo ? output : stdout.join(''));
      else reject(failure(output, code, signal, stripVTControlCharacters(err.join('')).trim()));
    });
  });
}

const exited = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `was killed by ${signal}` : `failed (exit code ${code})`;

async function runAstro(outDir: string, astroArgs: string[]): Promise<string> {
  let cap: AstroHeapCap;
  try {
    cap = astroHeapCap(process.env);
  } catch (error) {
    throw new StepFailed((error as Error).message);
  }
  log(
    `astro build with a V8 heap cap of ${cap.mb} MiB (${cap.from === 'default' ? `default; ${ASTRO_HEAP_ENV} sets it` : cap.from})`,
  );
  return runStep(
    [...cap.nodeArgs, ASTRO, 'build', '--outDir', outDir, ...astroArgs],
    // Social images and the article checks run below, once Astro's memory is freed.
    { ...process.env, [DEFER_ENV]: 'after-astro', [CHECKS_DEFER_ENV]: 'after-astro' },
    (output, code, signal) =>
      heapExhaustedInLog(output)
        ? new StepFailed(heapExhaustedMessage(cap, astroStepInLog(output)))
        : new StepFailed(`astro build ${exited(code, signal)}`),
  );
}

/** The checks of the built article pages, in their own process (their memory is gone before the next step). */
function runArticleChecks(outDir: string): Promise<string> {
  return runStep([ARTICLE_CHECKS, outDir], process.env, (_, code, signal) =>
    code === 1
      ? new StepFailed('the built article pages have the problems listed above: fix them in the files named there')
      : new StepFailed(`the article checks ${exited(code, signal)}`),
  );
}

/**
 * The content source checks, in a process of their own: what they read (every article) would otherwise stay in this
 * process's heap beside Astro's for the whole build (about 200 MiB at 10,000 articles). Resolves with the problems.
 */
async function checkSources(dir: string): Promise<string[]> {
  const output = await runStep(
    [STEPS, 'sources', dir],
    process.env,
    (_, code, signal, stderr) =>
      code === 1 && stderr
        ? new StepFailed(stderr)
        : new StepFailed(`the content source checks ${exited(code, signal)}`),
    { echo: false },
  );
  return JSON.parse(output) as string[];
}

/** The social images, in a process of their own: their memory is returned before Pagefind's backend takes its own. */
function runSocialImages(outDir: string, cache: string): Promise<string> {
  return runStep([STEPS, 'social', outDir, cache], process.env, (_, code, signal, stderr) =>
    code === 1 && stderr ? new StepFailed(stderr) : new StepFailed(`the social images ${exited(code, signal)}`),
  );
}

/** Stale staging folders and a dist/ left aside by a build killed in the middle of the swap. */
function recover(out: string, previous: string, stagingPrefix: string): void {
  if (!existsSync(out) && existsSync(previous)) {
    renameSync(previous, out);
    log(`restored ${basename(out)}/ from an interrupted swap`);
  } else if (existsSync(previous)) rmSync(previous, { recursive: true, force: true });
  const parent = dirname(out);
  for (const name of readdirSync(parent))
    if (name.startsWith(stagingPrefix)) rmSync(join(parent, name), { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = performance.now();
  const { out, astroArgs } = parseArgs(process.argv.slice(2));
  const name = basename(out);
  const parent = dirname(out);
  const previous = join(parent, `.${name}.previous`);
  const stagingPrefix = `.${name}.staging`;

  lock = acquireBuildLock(ROOT);
  recover(out, previous, stagingPrefix);

  let t = performance.now();
  const problems = await checkSources(resolve(ROOT, contentDir(process.env)));
  if (problems.length > 0) {
    throw new StepFailed(
      `${problems.length} problem(s) in the content; nothing was built:\n\n${problems.join('\n\n')}\n`,
    );
  }
  log(`checked content sources in ${ms(t)}`);

  // One fixed name, not one per process: Astro writes the output directory into its `astro:assets` module, whose
  // code is part of every page's dependency hash in the incremental build, so a new name each time would make every
  // page that shows an image (articles, feeds) render again. The build lock keeps it to one build at a time.
  staging = join(parent, stagingPrefix);
  const cacheRoot = resolve(ROOT, cacheDir(process.env));
  const renderCode = renderCodeFingerprint(ROOT);
  if (!astroArgs.includes('--force') && renderCacheIsStale(cacheRoot, renderCode)) {
    log('the rendering code changed since the cached build (astro.config.mjs, its modules or package-lock.json):');
    log('rendering every article again (--force)');
    astroArgs.push('--force');
  }
  t = performance.now();
  const astroLog = await runAstro(staging, astroArgs);
  // Astro logs a Markdown plugin's exception during content sync and carries on with an empty body.
  const failures = pluginFailuresInLog(astroLog);
  if (failures.length > 0) throw new StepFailed(`Rendering failed:\n  ${failures.join('\n  ')}`);
  // Astro has exited 0 without output before (a plugin that never settles empties the event loop).
  if (!existsSync(join(staging, 'index.html'))) throw new StepFailed('astro build exited without writing the site');
  log(`astro build finished in ${ms(t)}`);

  await runArticleChecks(staging);

  await runSocialImages(staging, cacheRoot);

  const removed = publicOnly(staging);
  if (removed.length > 0) log(`removed from the output (not public): ${removed.join(', ')}`);

  t = performance.now();
  const indexed = await indexSite(staging, { hold: () => holdFor('index') });
  log(
    `indexed ${indexed.pages} pages and ${indexed.records} distribution and release records with Pagefind in ${ms(t)}`,
  );

  // The swap: two renames on one filesystem. Until the second, dist/ is the previous build.
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  staging = undefined;
  rmSync(previous, { recursive: true, force: true });
  // Only now: a build that failed after Astro rendered must not vouch for the cache it left.
  mkdirSync(cacheRoot, { recursive: true });
  writeFileSync(join(cacheRoot, RENDER_CODE_FILE), `${renderCode}\n`);
  log(`${name}/ replaced with the new build in ${ms(started)} in total`);
}

main()
  .then(() => {
    lock?.release();
  })
  .catch((error: unknown) => {
    cleanUp();
    // Our own failures say what to do; a stack trace is for bugs in the build itself.
    const message =
      error instanceof StepFailed || !process.env.DOWNSTREAM_DEBUG
        ? (error as Error).message
        : ((error as Error).stack ?? String(error));
    process.stderr.write(`\n[build] FAILED: ${message}\n[build] The previous build output is unchanged.\n`);
    process.exitCode = 1;
  });
