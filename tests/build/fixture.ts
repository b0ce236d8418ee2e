import { stripVTControlCharacters } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface FixtureBuild {
  ok: boolean;
  output: string;
  contentDir: string;
  outDir: string;
}

/** Copies the fixture content tree, adds `files` (path under content/ → text), and runs a real `astro build`. */
export function buildFixture(files: Record<string, string> = {}, env: Record<string, string> = {}): FixtureBuild {
  const dir = mkdtempSync(join(tmpdir(), 'downstream-fixture-'));
  const contentDir = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/content'), contentDir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(contentDir, path), text);
  const outDir = join(dir, 'dist');
  return { ...build(contentDir, outDir, env), contentDir, outDir };
}

/** Vitest mirrors import.meta.env into process.env (BASE_URL, DEV, MODE…); a child build must not inherit them. */
function cleanEnv(): NodeJS.ProcessEnv {
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

export function build(contentDir: string | undefined, outDir: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...cleanEnv(),
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
      BASE_PATH: '/downstream',
      BUILD_DATE: '2026-11-25',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    timeout: 240_000,
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
