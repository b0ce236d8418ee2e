/** A description of the machine and toolchain the figures were measured on. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

const pkgVersion = (repo: string, name: string) => {
  try {
    return (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return null;
  }
};

const cmdVersion = (bin: string, args: string[]) => {
  try {
    return existsSync(bin)
      ? execFileSync(bin, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] })
          .trim()
          .split('\n')[0]!
      : null;
  } catch {
    return null;
  }
};

/** The commit the figures measure, and whether the working tree had other changes (bench/ itself excepted). */
export function describeCommit(repo: string): { hash: string; branch: string; dirty: string | null } | null {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--', '.', ':!bench')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return {
      hash: git('rev-parse', 'HEAD'),
      branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
      dirty: changed.length ? `${changed.length} file(s): ${changed.slice(0, 5).join(', ')}` : null,
    };
  } catch {
    return null;
  }
}

export function describeMachine(repo: string) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(cpuinfo)?.[1];
  let osName = 'unknown';
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    /* no os-release */
  }
  return {
    cpuModel: model,
    cpuMHz: mhz ? Math.round(Number(mhz)) : null,
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: osName,
    kernel: release(),
    node: process.version,
    astro: pkgVersion(repo, 'astro'),
    pagefind: pkgVersion(repo, 'pagefind'),
    mdx: pkgVersion(repo, '@astrojs/mdx'),
    playwright: pkgVersion(repo, 'playwright'),
    lighthouse: pkgVersion(join(repo, 'tools/lighthouse'), 'lighthouse'),
    chromium: cmdVersion('/usr/bin/chromium', ['--version']),
    hugo: null as string | null,
    timeBinary: existsSync('/usr/bin/time'),
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    loadAvgAtEnd: null as number[] | null,
    commit: describeCommit(repo),
    date: new Date().toISOString(),
    buildDate: '2026-11-25',
  };
}
export type Machine = ReturnType<typeof describeMachine>;
