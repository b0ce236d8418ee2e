/**
 * Runs a command and measures it: wall time, CPU time and peak RSS of the whole process tree (sampled from /proc),
 * every output line stamped on arrival, and, when /usr/bin/time is installed, its rusage summary as a cross-check.
 *
 * CPU of the tree = CPU of every process this runner reaped (the growth of its own cutime/cstime in
 * /proc/self/stat: the child plus everything the child reaped, recursively) + CPU of every descendant that left the
 * tree without being reaped by it (reparented to init, such as Pagefind's `pagefind_extended --service` backend,
 * which Node leaves behind on exit), taken from its last /proc sample. `/usr/bin/time` sees only the first part.
 */
import { stripVTControlCharacters } from 'node:util';
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
  /** CPU time of the whole process tree (see the module comment), user and system, in seconds. */
  cpu: TreeCpu;
  /** Cumulative tree CPU over time: [ms since start, seconds]; the last point is the final total at exit. */
  cpuTimeline: [number, number][];
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
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux this runs on). */
export const CLK_TCK = 100;

export interface TreeCpu {
  userS: number;
  sysS: number;
  /** Part of userS + sysS spent in processes that left the tree unreaped (invisible to /usr/bin/time). */
  orphanS: number;
  /** Processes ever seen in the tree. */
  processes: number;
  /** Names of the processes that left the tree unreaped, with their CPU seconds. */
  orphans: { pid: number; comm: string; cpuS: number }[];
}

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

export interface ProcInfo {
  ppid: number;
  rss: number;
  comm: string;
  /** Start time in ticks since boot: with the pid, identifies a process across pid reuse. */
  start: number;
  /** Own user and system time, in ticks. */
  utime: number;
  stime: number;
  /** User and system time of the children this process has reaped, in ticks. */
  cutime: number;
  cstime: number;
}

/** Parses one /proc/<pid>/stat line. */
export function parseStat(stat: string): ProcInfo {
  // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const rest = stat.slice(close + 2).split(' ');
  // rest[k] is field k + 3: state 3, ppid 4, utime 14, stime 15, cutime 16, cstime 17, starttime 22, rss 24.
  const f = (field: number) => Number(rest[field - 3]);
  return {
    ppid: f(4),
    rss: f(24) * PAGE,
    comm,
    start: f(22),
    utime: f(14),
    stime: f(15),
    cutime: f(16),
    cstime: f(17),
  };
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      procs.set(Number(name), parseStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // The process exited between readdir and read.
    }
  }
  return procs;
}

/** Ticks this process has collected from the children it reaped (user, system). */
export function reapedTicks(): { user: number; sys: number } {
  const me = parseStat(readFileSync('/proc/self/stat', 'utf8'));
  return { user: me.cutime, sys: me.cstime };
}

interface Tracked {
  pid: number;
  comm: string;
  parentKey: string | undefined;
  alive: boolean;
  /** Seen outside the tree while alive (reparented): nobody in the tree will reap it. */
  orphan: boolean;
  user: number;
  sys: number;
}

/**
 * Follows every process of a tree across samples, including the ones that leave it (reparented when their parent
 * exits without reaping them), and adds up their CPU without counting a reaped child twice: while a child is alive
 * its time is its own; once its parent has reaped it, it is part of the parent's cutime/cstime.
 */
export class TreeTracker {
  readonly tracked = new Map<string, Tracked>();
  readonly root: number;
  constructor(root: number) {
    this.root = root;
  }

  /** One sample: returns the tree's RSS figures and its cumulative CPU so far (ticks). */
  sample(procs: Map<number, ProcInfo> = readProcs()): {
    total: number;
    max: number;
    count: number;
    cpuTicks: number;
  } {
    const keyOf = (pid: number, p: ProcInfo) => `${pid}:${p.start}`;
    const children = new Map<number, number[]>();
    for (const [pid, p] of procs) {
      const list = children.get(p.ppid);
      if (list) list.push(pid);
      else children.set(p.ppid, [pid]);
    }
    let total = 0;
    let max = 0;
    let count = 0;
    const inTree = new Set<string>();
    const stack = [this.root];
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
        const key = keyOf(pid, p);
        inTree.add(key);
        const parent = procs.get(p.ppid);
        const t = this.tracked.get(key);
        const fields = {
          comm: p.comm,
          alive: true,
          parentKey: pid === this.root || !parent ? undefined : keyOf(p.ppid, parent),
          user: p.utime + p.cutime,
          sys: p.stime + p.cstime,
        };
        if (t) Object.assign(t, fields);
        else this.tracked.set(key, { pid, orphan: false, ...fields });
      }
      for (const c of children.get(pid) ?? []) stack.push(c);
    }
    for (const [key, t] of this.tracked) {
      if (inTree.has(key) || !t.alive) continue;
      const p = procs.get(t.pid);
      if (p && keyOf(t.pid, p) === key) {
        // Still running, but no longer below the root: reparented.
        t.orphan = t.pid !== this.root;
        t.user = p.utime + p.cutime;
        t.sys = p.stime + p.cstime;
      } else t.alive = false;
    }
    return { total, max, count, cpuTicks: this.cpuTicks() };
  }

  /**
   * Cumulative CPU so far: live processes of the tree count their own time plus what they reaped; a dead process
   * counts only if it was orphaned (otherwise its time is in an ancestor's cutime/cstime, or will be once reaped).
   */
  cpuTicks(): number {
    let ticks = 0;
    // A live child is not in its parent's cutime yet, so a live parent and its live child are both counted.
    for (const t of this.tracked.values()) if (t.alive || t.orphan) ticks += t.user + t.sys;
    return ticks;
  }

  /** Tracked processes that left the tree unreaped (or outlived the root). */
  orphans(): Tracked[] {
    return [...this.tracked.values()].filter((t) => t.orphan || (t.alive && t.pid !== this.root));
  }

  /** True while an orphan of the tree is still running. */
  orphansAlive(): boolean {
    return this.orphans().some((t) => t.alive);
  }
}

/** Sum of RSS over `root` and its descendants. */
export function treeRss(root: number): { total: number; max: number; count: number } {
  const { total, max, count } = new TreeTracker(root).sample();
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
  const reaped0 = reapedTicks();
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
  const cpuTimeline: [number, number][] = [];
  const tracker = child.pid === undefined ? undefined : new TreeTracker(child.pid);
  let rootGone = false;
  const sample = () => {
    if (!tracker || rootGone) return;
    const r = tracker.sample();
    samples++;
    const t = Math.round(performance.now() - started);
    rssTimeline.push([t, r.total]);
    cpuTimeline.push([t, r.cpuTicks / CLK_TCK]);
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
    child.on('close', async (code, signal) => {
      const wallMs = performance.now() - started;
      const reaped1 = reapedTicks();
      const jiffies1 = cpuJiffies();
      rootGone = true;
      clearInterval(timer);
      if (child.pid) activeGroups.delete(child.pid);
      // Orphans of the tree (Pagefind's backend) may still be running: follow them until they exit (bounded).
      const orphanDeadline = performance.now() + 15_000;
      while (tracker && performance.now() < orphanDeadline) {
        tracker.sample();
        if (!tracker.orphansAlive()) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const orphans = tracker?.orphans() ?? [];
      const orphanUser = orphans.reduce((s, o) => s + o.user, 0);
      const orphanSys = orphans.reduce((s, o) => s + o.sys, 0);
      const cpu: TreeCpu = {
        userS: (reaped1.user - reaped0.user + orphanUser) / CLK_TCK,
        sysS: (reaped1.sys - reaped0.sys + orphanSys) / CLK_TCK,
        orphanS: (orphanUser + orphanSys) / CLK_TCK,
        processes: tracker?.tracked.size ?? 0,
        orphans: orphans.map((o) => ({ pid: o.pid, comm: o.comm, cpuS: (o.user + o.sys) / CLK_TCK })),
      };
      cpuTimeline.push([Math.round(wallMs), cpu.userS + cpu.sysS]);
      const ncpu = cpus().length;
      const systemBusyCores =
        jiffies0 && jiffies1 && jiffies1.total > jiffies0.total
          ? Math.round(((jiffies1.busy - jiffies0.busy) / (jiffies1.total - jiffies0.total)) * ncpu * 100) / 100
          : undefined;
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
        cpu,
        cpuTimeline,
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
