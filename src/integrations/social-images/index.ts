/**
 * Writes the social images and icons after `astro build`:
 * - og/articles/<id>.png for every published article (1200×630: kicker, headline, main distribution, date, wordmark)
 * - og/default.png, the image of every other page
 * - apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png and favicon.ico from public/favicon.svg
 *
 * The cards are drawn from data, not from the built pages: the build writes one record per article from its read
 * model (src/pages/og/cards.json.ts), which this hook reads and then removes from the output. Cards come from the
 * content cache when they can (cache.ts); the rest are drawn by worker threads (pool.ts), one per core. Any error
 * fails the build and leaves no dist/ behind.
 *
 * `npm run build` (scripts/build.ts) draws them after Astro's process has exited (DEFER_ENV): at 10,000 articles
 * Astro holds about 4 GB at the end of the build, and the render workers came on top of that. `astro build` alone
 * still draws them in this hook.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE } from '../../site.config.ts';
import { parseSocialCards } from '../../lib/social-card.ts';
import { paths } from '../../lib/urls.ts';
import { codeFingerprint, imageCache } from './cache.ts';
import { drawIcons, FAVICON_FILE, ICONS } from './icons.ts';
import { renderPool, type RenderPool } from './pool.ts';
import type { CardJob, RenderContext } from './render.ts';

/** Cards read, drawn or written at the same time: enough to keep both render workers and the disk busy. */
const IO_LIMIT = 32;

/** Maps with at most `limit` calls in flight, results in input order; the first rejection rejects the whole. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** The file under dist/ of a site path. */
const fileOf = (outDir: string, sitePath: string) => join(outDir, ...sitePath.split('/').filter(Boolean));

/** Creates each folder once per build, not once per file (1,000 cards share og/articles/). */
function folderMaker(): (dir: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (dir) => {
    let p = made.get(dir);
    if (!p) made.set(dir, (p = mkdir(dir, { recursive: true })));
    return p;
  };
}

/**
 * When set to "after-astro" (scripts/build.ts does), the hook leaves the images to writeSocialImages(), called after
 * Astro's process has exited, so the render workers' memory never adds to Astro's peak.
 */
export const DEFER_ENV = 'DOWNSTREAM_SOCIAL_IMAGES';

export interface SocialImageOptions {
  /** The built site (with the cards data file the build wrote). */
  outDir: string;
  /** public/, for the logo (favicon.svg), as a URL ending in a slash. */
  publicDir: URL;
  /** Astro's cacheDir, as a URL ending in a slash: the images are cached in its social-images/ folder. */
  cacheRoot: URL;
  log: { info: (message: string) => void; warn: (message: string) => void };
}

/** Draws every social image and icon of a built site (from its cards data file, which it then removes). */
export async function writeSocialImages({ outDir, publicDir, cacheRoot, log }: SocialImageOptions): Promise<void> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let pool: RenderPool | undefined;
  const makeFolder = folderMaker();
  const writeOut = async (file: string, data: Uint8Array) => {
    await makeFolder(dirname(file));
    await writeFile(file, data);
  };
  try {
    const dataFile = fileOf(outDir, paths.socialCards());
    const cards = parseSocialCards(readFileSync(dataFile, 'utf8'), `dist${paths.socialCards()}`);
    rmSync(dataFile);

    const faviconSvg = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
    const context: RenderContext = {
      site: { name: SITE.name, tagline: SITE.tagline },
      markUri: `data:image/svg+xml;base64,${Buffer.from(faviconSvg).toString('base64')}`,
    };
    const cache = imageCache(cacheRoot, codeFingerprint());

    // Icons: a handful of small renders, drawn on this thread when the logo changed.
    const iconFiles = [...ICONS.map((i) => i.file), FAVICON_FILE];
    const cachedIcons = await Promise.all(iconFiles.map((file) => cache.get({ icon: file, faviconSvg })));
    const icons = cachedIcons.every((d) => d !== undefined)
      ? iconFiles.map((file, i) => ({ file, data: cachedIcons[i]! }))
      : drawIcons(faviconSvg, context.markUri);
    await Promise.all(
      icons.map(async ({ file, data }) => {
        await writeOut(join(outDir, file), data);
        await cache.put({ icon: file, faviconSvg }, data);
      }),
    );

    const jobs: Array<{ job: CardJob; target: string; name: string }> = [
      { job: { kind: 'default' }, target: fileOf(outDir, paths.socialImage()), name: 'the default image' },
      ...cards.map((card) => ({
        job: { kind: 'article', card } as const,
        target: fileOf(outDir, paths.socialImage(card.id)),
        name: `article "${card.id}"`,
      })),
    ];
    const keyOf = (job: CardJob) => ({ job, context });
    // Which cards are cached, without reading them yet: holding every cached PNG at once would take about
    // 45 kB per article (450 MB at 10,000 articles).
    const cachedFlags = await mapLimit(jobs, IO_LIMIT, ({ job }) => cache.has(keyOf(job)));
    const misses = cachedFlags.filter((c) => !c).length;
    if (misses > 0) pool = renderPool(context, misses);
    let bytes = 0;
    await mapLimit(jobs, IO_LIMIT, async ({ job, target, name }, i) => {
      try {
        let png = cachedFlags[i] ? await cache.get(keyOf(job)) : undefined;
        if (!png) {
          pool ??= renderPool(context, 1); // a cache entry that vanished since it was listed
          const rendered = await pool.render(job);
          for (const w of rendered.warnings) log.warn(`${name}: ${w}`);
          png = rendered.png;
          await cache.put(keyOf(job), png);
        }
        await writeOut(target, png);
        if (job.kind === 'article') bytes += png.length;
      } catch (error) {
        throw new Error(`social image for ${name} failed: ${(error as Error).message}`, { cause: error });
      }
    });
    const cpu = process.cpuUsage(cpuAtStart);
    log.info(
      `wrote ${cards.length} social images (${Math.round(bytes / 1024)} kB, ${jobs.length - misses} of ${jobs.length} from cache, ` +
        `${misses} drawn by ${pool?.size ?? 0} worker threads), the default image and ${icons.length} icons ` +
        `in ${Math.round(performance.now() - started)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU)`,
    );
  } finally {
    await pool?.close();
  }
}

export default function socialImages(): AstroIntegration {
  let publicDir: URL | undefined;
  let cacheRoot: URL | undefined;
  return {
    name: 'downstream:social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = config.publicDir;
        cacheRoot = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[DEFER_ENV] === 'after-astro') {
          logger.info('social images are drawn after astro build has exited (scripts/build.ts)');
          return;
        }
        const outDir = fileURLToPath(dir);
        try {
          await writeSocialImages({ outDir, publicDir: publicDir!, cacheRoot: cacheRoot!, log: logger });
        } catch (error) {
          // Leave nothing half-built behind for a deploy step to pick up.
          rmSync(outDir, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
