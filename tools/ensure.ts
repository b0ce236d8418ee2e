/**
 * Tools that only a few commands need (Lighthouse for the benchmark, the Nu Html Checker for check:dist, the S3 client for deploy:s3) live in their own folder below tools/ with
 * their own package.json and lock file, so `npm ci` does not install them for everyone. `ensureTool` installs
 * one on first use, and again whenever its lock file names versions other than the installed ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const TOOLS_DIR = dirname(fileURLToPath(import.meta.url));

export type ToolName = 'lighthouse' | 's3' | 'vnu';

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** The direct dependencies whose installed version differs from the lock file (all of them when none is installed). */
export function staleDependencies(dir: string): string[] {
  const manifest = readJson(join(dir, 'package.json'));
  const lock = readJson(join(dir, 'package-lock.json'));
  if (!manifest || !lock) throw new Error(`${dir}: package.json or package-lock.json is missing or not JSON`);
  const deps = Object.keys((manifest.dependencies ?? {}) as Record<string, string>);
  const locked = (lock.packages ?? {}) as Record<string, { version?: string }>;
  return deps.filter((name) => {
    const installed = readJson(join(dir, 'node_modules', name, 'package.json'));
    return installed?.version === undefined || installed.version !== locked[`node_modules/${name}`]?.version;
  });
}

/** The tool's folder, installed with `npm ci` from its lock file when needed; throws with npm's reason if that fails. */
export function ensureTool(name: ToolName, log: (line: string) => void = console.log): string {
  const dir = join(TOOLS_DIR, name);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`no tool "${name}" in ${TOOLS_DIR}`);
  const stale = staleDependencies(dir);
  if (stale.length === 0) return dir;
  log(`tools/${name}: installing ${stale.join(', ')} from tools/${name}/package-lock.json (npm ci, once)`);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (npm.status !== 0) {
    throw new Error(
      `tools/${name}: npm ci failed (${npm.error?.message ?? `exit ${npm.status}`}); run it by hand in tools/${name}/`,
    );
  }
  return dir;
}

/** Install (when needed) and import the tool's entry module, tools/<name>/index.js. */
export async function importTool<T>(name: ToolName, log?: (line: string) => void): Promise<T> {
  const dir = ensureTool(name, log);
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as T;
}
