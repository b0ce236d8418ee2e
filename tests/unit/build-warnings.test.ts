import { describe, expect, it } from 'vitest';
import { onBundlerWarning, type BundlerWarning } from '../../src/integrations/build-warnings.ts';

const passed = (warning: BundlerWarning): BundlerWarning[] => {
  const out: BundlerWarning[] = [];
  onBundlerWarning(warning, (w) => out.push(w));
  return out;
};

describe('bundler warnings (src/integrations/build-warnings.ts)', () => {
  it('drops the warning Astro’s MDX modules cause, one per article', () => {
    const message =
      'The semantics of the module level directive "use astro:head-inject" in "../content/articles/a.mdx?astroPropagatedAssets" may not be preserved when bundling.';
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message })).toEqual([]);
  });

  it('passes on every other warning unchanged, other directives included', () => {
    const others: BundlerWarning[] = [
      { code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "x.js"' },
      { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: "use astro:head-inject"' },
      { message: 'a warning without a code' },
    ];
    for (const warning of others) expect(passed(warning)).toEqual([warning]);
  });
});
