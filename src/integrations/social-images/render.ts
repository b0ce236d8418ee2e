/**
 * Draws one card: loads the fonts its text needs, fits the headline with the real font metrics, lays the card out
 * with satori (text to SVG paths) and rasterises it with resvg. Runs inside the render workers (worker.ts).
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import satori from 'satori';
import type { SocialCard } from '../../lib/social-card.ts';
import { crc32, deflateSync } from 'node:zlib';
import { encodeOpaquePng, pngSize } from './binary.ts';
import { CARD, HEADLINE, articleCard, articleRuns, defaultCard, defaultRuns, type El, type Masthead } from './cards.ts';
import { FontBook, forSatori, fontsFor } from './fonts.ts';
import { cjkFallbackOrder, fitHeadline } from './text.ts';

export type CardJob = { kind: 'article'; card: SocialCard } | { kind: 'default' };

export interface RenderContext {
  site: Masthead;
  /** The logo mark as a data: URI (public/favicon.svg). */
  markUri: string;
}

export interface Rendered {
  png: Uint8Array;
  /** Problems a reader would see on the image (missing glyphs, a cut headline), for the build log. */
  warnings: string[];
}

export const RESVG: ResvgRenderOptions = { font: { loadSystemFonts: false }, logLevel: 'error' };

/**
 * zlib level of the card PNGs. Measured on 30 synthetic cards (CPU per card, one thread): resvg's own encoder
 * 11–13 ms and 44.7 kB; level 3 unfiltered truecolour 5 ms and 42.7 kB; level 6 9–10 ms and 29.8 kB.
 */
const PNG_LEVEL = 3;

/** Rasterises an SVG and checks the size of the result. */
export function rasterise(svg: string, width: number, height: number): Uint8Array {
  const image = new Resvg(svg, RESVG).render();
  const png =
    encodeOpaquePng(image.pixels, image.width, image.height, (d) => deflateSync(d, { level: PNG_LEVEL }), crc32) ??
    image.asPng();
  const got = pngSize(png);
  if (got.width !== width || got.height !== height) {
    throw new Error(`rendered ${got.width}×${got.height}, expected ${width}×${height}`);
  }
  return png;
}

const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

export function createCardRenderer({ site, markUri }: RenderContext): (job: CardJob) => Promise<Rendered> {
  const book = new FontBook();
  return async (job) => {
    const warnings: string[] = [];
    const runs = job.kind === 'article' ? articleRuns(job.card, site.name) : defaultRuns(site);
    const fonts = await fontsFor(book, runs, cjkFallbackOrder(runs.map((r) => r.text).join(' ')));
    let tree: El;
    if (job.kind === 'article') {
      if (fonts.missing.length > 0) {
        const list = fonts.missing.map((c) => `${c} U+${hex(c)}`);
        warnings.push(`no shipped font has ${list.join(', ')}: shown as a box on its social image`);
      }
      const fit = fitHeadline(
        job.card.headline,
        (text, size) => fonts.measure(text, size, HEADLINE.weight, HEADLINE.letterSpacing),
        HEADLINE,
      );
      if (fit.truncated) warnings.push(`headline cut to ${fit.lines.length} lines on its social image`);
      tree = articleCard(job.card, fit, site.name, markUri);
    } else {
      tree = defaultCard(site, markUri);
    }
    // satori's types ask for a ReactNode; plain { type, props } objects are what it reads.
    const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...CARD, fonts: forSatori(fonts) });
    return { png: rasterise(svg, CARD.width, CARD.height), warnings };
  };
}
