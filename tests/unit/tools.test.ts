import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOOLS_DIR, staleDependencies } from '../../tools/ensure.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tool folder: package.json with `deps`, a lock naming `locked`, node_modules holding `installed`. */
function toolDir(deps: string[], locked: Record<string, string>, installed: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tool-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, dependencies: Object.fromEntries(deps.map((d) => [d, '*'])) }),
  );
  const packages = Object.fromEntries(Object.entries(locked).map(([n, v]) => [`node_modules/${n}`, { version: v }]));
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }),
  );
  for (const [name, version] of Object.entries(installed)) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return dir;
}

describe('tools installed on first use', () => {
  it('asks for an install when nothing is installed, and none when the lock is installed', () => {
    const locked = { lighthouse: '12.2.3', 'chrome-launcher': '1.2.1' };
    expect(staleDependencies(toolDir(Object.keys(locked), locked, {}))).toEqual(['lighthouse', 'chrome-launcher']);
    expect(staleDependencies(toolDir(Object.keys(locked), locked, locked))).toEqual([]);
  });

  it('asks again when the lock names another version than the installed one', () => {
    const dir = toolDir(['lighthouse'], { lighthouse: '12.2.3' }, { lighthouse: '12.1.0' });
    expect(staleDependencies(dir)).toEqual(['lighthouse']);
  });

  it('names the folder when its lock file is missing', () => {
    const dir = toolDir(['lighthouse'], {}, {});
    rmSync(join(dir, 'package-lock.json'));
    expect(() => staleDependencies(dir)).toThrow(`${dir}: package.json or package-lock.json is missing`);
  });

  it('the Lighthouse folder is locked at the exact version its package.json pins', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(join(TOOLS_DIR, 'lighthouse/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(join(TOOLS_DIR, 'lighthouse/package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    for (const [name, range] of Object.entries(manifest.dependencies)) {
      expect(range, `${name} is pinned exactly`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(range);
    }
  });
});
