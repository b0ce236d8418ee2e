import { stripVTControlCharacters } from 'node:util';
/**
 * Runs a command and measures it: wall time, peak RSS of the whole process tree (sampled from /proc), every output
 * line stamped on arrival, and, when /usr/bin/time is installed, its rusage summary (max RSS of the largest single
 * process, user and system CPU time).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import type { LogLine } from './astro-log.ts';

export interface RunResult {
  code: number | null;
  signal: string | null;
  wallMs: number;
  /** Highest sum of RSS over the process tree at any sample (shared pages are counted once per process). */
  peakTreeRssBytes: number;
  /** Highest RSS of a single process at any sample. */
  peakProcessRssBytes: number;
  /** Most processes alive in the tree at one sample. */
  peakProcesses: number;
  samples: number;
  /** Tree RSS over time: [ms since start, bytes]. */
  rssTimeline: [number, number][];
  lines: LogLine[];
  /** Average number of busy CPUs over the run, machine-wide (from /proc/stat): includes work outside this run. */
  systemBusyCores?: number;
  time?: { maxRssBytes?: number; userS?: number; sysS?: number; cpuPercent?: number };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  logFile?: string;
  sampleMs?: number;
  /** Kill the tree after this long (bounded runs). */
  timeoutMs?: number;
  /** Echo lines matching this to stdout while running (progress). */
  echo?: RegExp;
  useTime?: boolean;
}

const PAGE = 4096;

/** Process groups started by runMeasured and still running (killed by the runner on Ctrl-C). */
export const activeGroups = new Set<number>();

export function killActive(): void {
  for (const pid of activeGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  activeGroups.clear();
}
export const TIME_BIN = '/usr/bin/time';
export const hasTime = () => existsSync(TIME_BIN);

interface ProcInfo {
  ppid: number;
  rss: number;
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] = state (field 3), rest[1] = ppid (4), rest[21] = rss in pages (24).
      procs.set(Number(name), { ppid: Number(rest[1]), rss: Number(rest[21]) * PAGE });
    } catch {
      // The process exited between readdir and read.
    }
  }
  return procs;
}

/** Sum of RSS over `root` and its descendants. */
export function treeRss(root: number): { total: number; max: number; count: number } {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(pid);
    else children.set(p.ppid, [pid]);
  }
  let total = 0;
  let max = 0;
  let count = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const p = procs.get(pid);
    if (p) {
      total += p.rss;
      max = Math.max(max, p.rss);
      count++;
    }
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  return { total, max, count };
}

/** Busy and total jiffies since boot, machine-wide. */
export function cpuJiffies(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export function parseTimeV(text: string): RunResult['time'] {
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const kb = num(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    maxRssBytes: kb === undefined ? undefined : kb * 1024,
    userS: num(/User time \(seconds\): ([\d.]+)/),
    sysS: num(/System time \(seconds\): ([\d.]+)/),
    cpuPercent: num(/Percent of CPU this job got: (\d+)%/),
  };
}

export function runMeasured(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const useTime = (opts.useTime ?? true) && hasTime();
  const timeFile = opts.logFile ? `${opts.logFile}.time` : `/tmp/bench-time-${process.pid}-${Date.now()}`;
  const [bin, argv] = useTime ? [TIME_BIN, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const log = opts.logFile ? createWriteStream(opts.logFile) : undefined;
  const lines: LogLine[] = [];
  const started = performance.now();
  const jiffies0 = cpuJiffies();
  const child = spawn(bin, argv, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid) activeGroups.add(child.pid);
  let peakTree = 0;
  let peakProc = 0;
  let peakCount = 0;
  let samples = 0;
  const rssTimeline: [number, number][] = [];
  const sample = () => {
    if (child.pid === undefined) return;
    const r = treeRss(child.pid);
    samples++;
    rssTimeline.push([Math.round(performance.now() - started), r.total]);
    peakTree = Math.max(peakTree, r.total);
    peakProc = Math.max(peakProc, r.max);
    peakCount = Math.max(peakCount, r.count);
  };
  const timer = setInterval(sample, opts.sampleMs ?? 200);
  const killTimer = opts.timeoutMs
    ? setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, opts.timeoutMs)
    : undefined;

  const onData = (stream: NodeJS.ReadableStream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const t = performance.now() - started;
      log?.write(chunk);
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push({ t, line });
        if (opts.echo?.test(line)) process.stdout.write(`    | ${stripVTControlCharacters(line)}\n`);
      }
    });
    stream.on('end', () => {
      if (buf) lines.push({ t: performance.now() - started, line: buf });
    });
  };
  onData(child.stdout!);
  onData(child.stderr!);

  return new Promise((resolve, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      if (killTimer) clearTimeout(killTimer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      if (child.pid) activeGroups.delete(child.pid);
      const jiffies1 = cpuJiffies();
      const ncpu = cpus().length;
      const systemBusyCores =
        jiffies0 && jiffies1 && jiffies1.total > jiffies0.total
          ? Math.round(((jiffies1.busy - jiffies0.busy) / (jiffies1.total - jiffies0.total)) * ncpu * 100) / 100
          : undefined;
      clearInterval(timer);
      if (killTimer) clearTimeout(killTimer);
      log?.end();
      let time: RunResult['time'];
      if (useTime && existsSync(timeFile)) {
        time = parseTimeV(readFileSync(timeFile, 'utf8'));
        if (!opts.logFile) rmSync(timeFile, { force: true });
      }
      resolve({
        code,
        signal,
        wallMs,
        peakTreeRssBytes: peakTree,
        peakProcessRssBytes: peakProc,
        peakProcesses: peakCount,
        samples,
        rssTimeline,
        lines,
        systemBusyCores,
        time,
      });
    });
  });
}

/** Total size in bytes and number of files under a directory (0 if missing). */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        bytes += statSize(p);
        files++;
      }
    }
  }
  return { bytes, files };
}

const statSize = (p: string) => statSync(p).size;

/** Sizes of the top-level entries of a directory, largest first. */
export function topLevelSizes(dir: string, limit = 8): { name: string; bytes: number; files: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const p = `${dir}/${e.name}`;
      const s = e.isDirectory() ? dirSize(p) : { bytes: statSize(p), files: 1 };
      return { name: e.isDirectory() ? `${e.name}/` : e.name, ...s };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, limit);
}
