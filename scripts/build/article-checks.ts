/**
 * `node scripts/build/article-checks.ts <out dir> [<cache dir>]`: the checks of the built article pages (links, anchors, images,
 * external links), in a process of its own. scripts/build.ts runs it once Astro's process has exited, so the checks
 * never add to Astro's memory, and their own memory is returned when this process ends, before the social images
 * and Pagefind. Exit code 1 with the list of problems (source file and line, and what to read) on stderr.
 * The facts read from each page are cached in `<cache dir>/article-checks/` (default: the project's cache directory,
 * src/site.config.ts `cacheDir`).
 */
import { join, resolve } from 'node:path';
import { checkBuiltArticles } from '../../src/integrations/content-checks.ts';
import { cacheDir, contentDir, siteConfig } from '../../src/site.config.ts';

const ROOT = join(import.meta.dirname, '../..');
const [out, cache = resolve(ROOT, cacheDir(process.env))] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: node scripts/build/article-checks.ts <out dir> [<cache dir>]\n');
  process.exit(2);
}
const say = (message: string) => process.stdout.write(`[downstream:content-checks] ${message}\n`);
try {
  checkBuiltArticles({
    out: resolve(out),
    base: siteConfig(process.env).base,
    contentDir: contentDir(process.env),
    cacheDir: resolve(cache),
    log: { info: say, warn: (message) => say(`warning: ${message}`) },
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
