/**
 * The steps `npm run build` (scripts/build.ts) runs around `astro build`, for the benchmark's own project roots:
 *
 *   node scripts/bench/lib/build-steps.ts sources <content dir>          content source checks (before Astro)
 *   node scripts/build/article-checks.ts <out dir> <cache dir>          article page checks (after Astro)
 *   node scripts/build/steps.ts social <out dir> <cache dir>            social images (after Astro), the build's own step
 *   node scripts/bench/lib/build-steps.ts index <out dir>                drop non-public files, Pagefind index (after)
 *
 * Each runs in its own process, as in the real build, where social images and Pagefind run after Astro's process
 * has exited (Astro runs with DOWNSTREAM_SOCIAL_IMAGES=after-astro and DOWNSTREAM_CONTENT_CHECKS=after-astro).
 * They log in the "[downstream:<step>] … in X ms" form the log parser reads.
 */
import { resolve } from 'node:path';
import { checkContentSources } from '../../build/content-sources.ts';
import { publicOnly } from '../../build/public-only.ts';
import { indexSite } from '../../../src/integrations/pagefind.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const [step, dir] = process.argv.slice(2);
const started = performance.now();
const ms = () => `${Math.round(performance.now() - started)} ms`;

if (step === 'sources' && dir) {
  const problems = checkContentSources(resolve(dir), { root: REPO });
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} problem(s) in the content:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`[downstream:content-sources] checked content sources in ${ms()}\n`);
} else if (step === 'index' && dir) {
  publicOnly(resolve(dir));
  const { pages } = await indexSite(resolve(dir));
  process.stdout.write(`[downstream:pagefind] indexed ${pages} pages in ${ms()}\n`);
} else {
  process.stderr.write('usage: build-steps.ts sources <content dir> | index <out dir>\n');
  process.exit(2);
}
