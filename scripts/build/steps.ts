/**
 * Two steps of `npm run build`, each run by scripts/build.ts in a process of its own, so that what they read is
 * returned to the system when they end instead of staying in the orchestrator's heap beside the next step:
 *
 *   node scripts/build/steps.ts sources <content dir>            the content source checks, before Astro
 *   node scripts/build/steps.ts social <out dir> <cache dir>     the social images and icons, after Astro
 *
 * At 10,000 articles the source checks leave about 200 MiB in the process that ran them (beside Astro's process
 * for the whole of `astro build`), and the social images about 250 MiB (beside Pagefind's backend).
 *
 * `sources` prints the problems it found as a JSON array on stdout (scripts/build.ts words the failure).
 * `social` logs as `[downstream:social-images]`. Either exits 1 with the error's message on stderr when it fails.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkContentSources } from './content-sources.ts';
import { writeSocialImages } from '../../src/integrations/social-images/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const [step, dir, cache] = process.argv.slice(2);

try {
  if (step === 'sources' && dir) {
    process.stdout.write(JSON.stringify(checkContentSources(resolve(dir), { root: ROOT })));
  } else if (step === 'social' && dir && cache) {
    const say = (message: string) => process.stdout.write(`[downstream:social-images] ${message}\n`);
    await writeSocialImages({
      outDir: resolve(dir),
      publicDir: pathToFileURL(resolve(ROOT, 'public') + '/'),
      cacheRoot: pathToFileURL(resolve(cache) + '/'),
      log: { info: say, warn: (message) => say(`warning: ${message}`) },
    });
  } else {
    process.stderr.write('usage: node scripts/build/steps.ts sources <content dir> | social <out dir> <cache dir>\n');
    process.exit(2);
  }
} catch (error) {
  process.stderr.write(
    `${process.env.DOWNSTREAM_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message}\n`,
  );
  process.exit(1);
}
