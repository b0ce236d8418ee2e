/**
 * The V8 heap cap of Astro's process in `npm run build` (and in the benchmark, which builds the same way).
 *
 * With Node's default limit (about 4 GiB here) V8 lets Astro's heap grow until the limit is near before it collects
 * in earnest, so at 10,000 articles the process tree passed 4 GiB while the live data was far smaller. Capped, V8
 * collects sooner: the same builds stay under 4 GiB and spend less time in garbage collection
 * (bench/results/memory-10k-cap.md). Astro's process also uses about 1.5 GiB outside that heap at 10,000 articles
 * (the bundler's and the compiler's native memory), which the cap does not limit.
 */

/** Operators set the cap (MiB) with this variable. */
export const ASTRO_HEAP_ENV = 'DOWNSTREAM_ASTRO_HEAP_MB';
export const ASTRO_HEAP_DEFAULT_MB = 2560;

export interface AstroHeapCap {
  mb: number;
  /** Where the value came from: the variable above, the operator's NODE_OPTIONS, or our default. */
  from: typeof ASTRO_HEAP_ENV | 'NODE_OPTIONS' | 'default';
  /** Node flags to put before Astro's script (none when NODE_OPTIONS already sets the cap). */
  nodeArgs: string[];
}

/**
 * DOWNSTREAM_ASTRO_HEAP_MB if set; else the operator's own `--max-old-space-size` in NODE_OPTIONS, left to apply
 * as it is (a flag on the command line would override it); else the default. Throws on a value that is not a size.
 */
export function astroHeapCap(env: NodeJS.ProcessEnv): AstroHeapCap {
  const raw = env[ASTRO_HEAP_ENV]?.trim();
  if (raw) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(
        `${ASTRO_HEAP_ENV}="${raw}" is not a size: give the V8 heap cap of Astro's process in MiB, e.g. ${ASTRO_HEAP_ENV}=${ASTRO_HEAP_DEFAULT_MB * 2}`,
      );
    }
    const mb = Number(raw);
    return { mb, from: ASTRO_HEAP_ENV, nodeArgs: [`--max-old-space-size=${mb}`] };
  }
  const fromNodeOptions = /(?:^|\s)--max[-_]old[-_]space[-_]size[= ](\d+)/.exec(env.NODE_OPTIONS ?? '');
  if (fromNodeOptions) return { mb: Number(fromNodeOptions[1]), from: 'NODE_OPTIONS', nodeArgs: [] };
  return { mb: ASTRO_HEAP_DEFAULT_MB, from: 'default', nodeArgs: [`--max-old-space-size=${ASTRO_HEAP_DEFAULT_MB}`] };
}

/** The build's last words when Astro's process ran out of that heap: the step, the cap and how to raise it. */
export function heapExhaustedMessage(cap: AstroHeapCap, step: string): string {
  return (
    `astro build ran out of JavaScript heap during ${step}: its V8 heap cap is ${cap.mb} MiB ` +
    `(${cap.from === 'default' ? 'the default' : `from ${cap.from}`}). Raise it, e.g. ` +
    `${ASTRO_HEAP_ENV}=${Math.max(cap.mb * 2, ASTRO_HEAP_DEFAULT_MB)} npm run build ` +
    `(the machine needs about 1.5 GiB more than the cap: the bundler also uses memory outside that heap)`
  );
}
