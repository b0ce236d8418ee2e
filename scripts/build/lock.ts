import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildLock {
  readonly file: string;
  release(): void;
}

interface Holder {
  pid: number;
  started: string;
  command: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * One build at a time per checkout: builds share Astro's cache and generated types, and two of them writing at
 * once would mix their output. The lock is a file created atomically (link(2) fails when it exists) holding the
 * holder's pid; a lock whose process is gone (a build killed with SIGKILL) is stale and taken over.
 */
export function acquireBuildLock(root: string): BuildLock {
  const file = join(root, '.build.lock');
  const mine: Holder = {
    pid: process.pid,
    started: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(mine));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, file);
        let released = false;
        return {
          file,
          release() {
            if (released) return;
            released = true;
            if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && alive(holder.pid)) {
        throw new Error(
          `another build is running in this checkout (pid ${holder.pid}, started ${holder.started}: ${holder.command}).\n` +
            `  Wait for it to finish and run the build again. Two builds at once would mix their output.\n` +
            `  If no build is running, delete ${file}.`,
        );
      }
      // Stale: its process is gone. Only one contender wins this rename; the others retry the link.
      try {
        renameSync(file, `${file}.stale.${process.pid}`);
        rmSync(`${file}.stale.${process.pid}`, { force: true });
      } catch {
        /* another build took it over first */
      }
    }
    throw new Error(`could not take the build lock ${file}: delete it if no build is running`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
