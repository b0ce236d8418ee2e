import { stripVTControlCharacters } from 'node:util';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** `npm run build`: the orchestrator (lock, content checks, staging, Astro, Pagefind, swap). */
export const BUILD = join(ROOT, 'scripts/build.ts');

export interface FixtureBuild {
  ok: boolean;
  output: string;
  contentDir: string;
  outDir: string;
}

/** A copy of the fixture content tree in a new temporary folder, plus `files` (path under content/ → text). */
export function fixtureContent(files: Record<string, string> = {}): { dir: string; contentDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'downstream-fixture-'));
  const contentDir = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/content'), contentDir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  return { dir, contentDir };
}

/** Copies the fixture content tree, adds `files`, and runs a real `npm run build` into <tmp>/dist. */
export function buildFixture(files: Record<string, string> = {}, env: Record<string, string> = {}): FixtureBuild {
  const { dir, contentDir } = fixtureContent(files);
  const outDir = join(dir, 'dist');
  return { ...build(contentDir, outDir, env), contentDir, outDir };
}

/** Every file under `root` (dot-folders and leftovers included) with the SHA-256 of its bytes. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (d.isFile()) {
      const path = join(d.parentPath, d.name);
      out[path.slice(root.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  return out;
}

/** Vitest mirrors import.meta.env into process.env (BASE_URL, DEV, MODE…); a child build must not inherit them. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      ['BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR', 'NODE_ENV', 'TEST', 'SITE', 'ASSETS_PREFIX'].includes(key) ||
      key.startsWith('VITEST')
    )
      delete env[key];
  }
  return env;
}

/** The environment of a fixture build: the fixture content, under /downstream/, on a fixed build date. */
export function buildEnv(contentDir: string | undefined, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
    BASE_PATH: '/downstream',
    BUILD_DATE: '2026-11-25',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...env,
  };
}

/**
 * A real build of `contentDir` into `outDir`: `npm run build` (scripts/build.ts) by default, or Astro alone
 * (`astro: true`) to prove what `astro build` / `astro dev` refuse without the orchestrator's own checks.
 */
export function build(
  contentDir: string | undefined,
  outDir: string,
  env: Record<string, string> = {},
  {
    astro = false,
    args: extra = [],
    timeoutMs = 240_000,
  }: { astro?: boolean; args?: string[]; timeoutMs?: number } = {},
) {
  const args = [...(astro ? [ASTRO, 'build', '--outDir', outDir] : [BUILD, '--out', outDir]), ...extra];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: buildEnv(contentDir, env),
    timeout: timeoutMs,
  });
  // Strip ANSI colours so assertions read the plain messages.
  const output = stripVTControlCharacters(`${r.stdout}\n${r.stderr}`);
  return { ok: r.status === 0, output, outDirExists: existsSync(outDir) };
}

export const article = (fm: Record<string, string>, body: string) =>
  `---\n${Object.entries({
    title: '"A fixture article for a gate"',
    description: '"A fixture article used to prove that a build gate fails on broken content."',
    pubDate: '2024-02-01',
    authors: '[news-desk]',
    distros: '[debian]',
    topics: '[releases]',
    type: 'news',
    sources: '\n  - title: "Fixture"\n    url: https://www.debian.org/\n    publisher: Fixture',
    ...fm,
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;
