/**
 * A render worker: draws the cards the main thread sends (render.ts) and posts the PNG bytes back. Started by
 * pool.ts with the site's masthead and logo in workerData; one per core, so the main thread stays free.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCardRenderer, type CardJob, type RenderContext } from './render.ts';

export interface WorkRequest {
  seq: number;
  job: CardJob;
}
export type WorkResponse =
  { seq: number; ok: true; png: Uint8Array; warnings: string[] } | { seq: number; ok: false; error: string };

if (!parentPort) throw new Error('worker.ts runs as a worker thread (see pool.ts)');
const port = parentPort;
const render = createCardRenderer(workerData as RenderContext);

port.on('message', ({ seq, job }: WorkRequest) => {
  render(job).then(
    // Transferred, not copied: the PNG is a buffer of its own (zlib's output copied into the file by binary.ts).
    ({ png, warnings }) =>
      port.postMessage({ seq, ok: true, png, warnings } satisfies WorkResponse, [png.buffer as ArrayBuffer]),
    (error: unknown) =>
      port.postMessage({
        seq,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkResponse),
  );
});
