/**
 * Astro's content sync catches a Markdown plugin's exception, logs "Error rendering <file>: <message>" and stores
 * the entry with an empty body. Our own plugins are guarded (src/integrations/markdown-errors.ts); this catches
 * the rest (Astro's built-in steps) from the log of `astro build`.
 */
export function pluginFailuresInLog(log: string): string[] {
  return log
    .split('\n')
    .map((line) => /Error rendering (.+)$/.exec(line)?.[1]?.trim())
    .filter((m): m is string => !!m);
}

/** V8's fatal message when a process reaches its heap cap ("… Reached heap limit Allocation failed - JavaScript heap out of memory"). */
export function heapExhaustedInLog(log: string): boolean {
  return /JavaScript heap out of memory|Reached heap limit/.test(log);
}

/**
 * The last of Astro's build steps the log shows as started: content sync, bundling, rendering pages, then the
 * hooks that run once every page is written ("startup" before any).
 */
export function astroStepInLog(log: string): string {
  let step = 'startup (before content sync)';
  for (const line of log.split('\n')) {
    if (/\[content\] Syncing content/.test(line)) step = 'content sync';
    else if (/\[build\] Building \w+ entrypoints/.test(line)) step = 'bundling (Vite)';
    else if (/generating static routes/.test(line)) step = 'rendering pages';
    else if (step === 'rendering pages' && /✓ Completed in/.test(line) && !line.includes('[build]')) {
      step = 'the build hooks after rendering (astro:build:done)';
    }
  }
  return step;
}
