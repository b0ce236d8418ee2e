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
