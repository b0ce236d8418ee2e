/**
 * Warnings from the bundler that say nothing an operator can act on, dropped so that the ones that do are seen.
 *
 * - MODULE_LEVEL_DIRECTIVE for "use astro:head-inject": Astro 7.3's MDX modules start with this marker, which
 *   Astro reads itself before bundling; Rolldown warns about it once per MDX article, with a code frame (ten lines
 *   each: about 10,000 lines in a build of 1,000 MDX articles). Astro's issue withastro/astro#18087 (open).
 */
export interface BundlerWarning {
  code?: string;
  message: string;
}

export function isKnownHarmless(warning: BundlerWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

/** Rolldown's `onwarn`: every other warning goes to Vite's own handler, unchanged. */
export function onBundlerWarning(warning: BundlerWarning, warn: (warning: BundlerWarning) => void): void {
  if (!isKnownHarmless(warning)) warn(warning);
}
