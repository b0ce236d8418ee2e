/**
 * Worker threads that render cards (worker.ts), so that layout, rasterising and PNG encoding leave the main thread
 * and use every core. Workers start only when there is something to draw: a build whose cards all come from the
 * cache starts none.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardJob, RenderContext, Rendered } from './render.ts';
import type { WorkRequest, WorkResponse } from './worker.ts';

/** Cards a worker should have to draw before another one is worth its start-up (loading HarfBuzz, fonts and the fixed parts of the card). */
const CARDS_PER_WORKER = 6;

export interface RenderPool {
  /** Number of worker threads. */
  size: number;
  render(job: CardJob): Promise<Rendered>;
  close(): Promise<void>;
}

export function renderPool(context: RenderContext, jobs: number): RenderPool {
  const size = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs / CARDS_PER_WORKER)));
  const pending = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: WorkRequest[] = [];
  let seq = 0;
  let failure: Error | undefined;
  let closing = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) idle.pop()!.postMessage(queue.shift()!);
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: context });
    worker.on('message', (msg: WorkResponse) => {
      const p = pending.get(msg.seq);
      pending.delete(msg.seq);
      idle.push(worker);
      dispatch();
      if (!p) return;
      if (msg.ok) p.resolve({ png: msg.png, warnings: msg.warnings });
      else p.reject(new Error(msg.error));
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new Error(`a social-image worker exited with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    size,
    render(job) {
      if (failure) return Promise.reject(failure);
      return new Promise<Rendered>((resolve, reject) => {
        const request = { seq: seq++, job };
        pending.set(request.seq, { resolve, reject });
        queue.push(request);
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
