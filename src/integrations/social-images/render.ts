/**
 * Draws one card in a render worker (worker.ts). The fixed parts of each kind of card (background, logo mark,
 * wordmark, accent bar) are drawn once per worker; each article card copies them, fits its headline with the real
 * font metrics (text.ts), shapes its texts with HarfBuzz (shape.ts), paints cached glyph masks in the colours of
 * its palette (raster.ts) and is written as a palette PNG (binary.ts).
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { constants as zlibConstants, crc32, deflateSync } from 'node:zlib';
import type { SocialCard } from '../../lib/social-card.ts';
import { encodeOpaquePng, encodePalettePng, pngSize } from './binary.ts';
import {
  CARD,
  COLOR,
  HEADLINE,
  articleFrame,
  articleLayout,
  articleRuns,
  defaultLayout,
  defaultRuns,
  type Box,
  type Ink,
  type LineMetrics,
  type Masthead,
  type TextBox,
} from './cards.ts';
import { FontBook, fontsFor, type FontSet, type LoadedFont } from './fonts.ts';
import {
  Canvas,
  GlyphCache,
  PHASES,
  Palette,
  rgb,
  svgCoverage,
  svgPixels,
  type Mask,
  type Ramp,
  type Rgb,
} from './raster.ts';
import { shapeLine } from './shape.ts';
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
 * zlib level of the icon PNGs (truecolour). Measured on 30 synthetic cards (CPU per card, one thread): resvg's own
 * encoder 11–13 ms and 44.7 kB; level 3 unfiltered truecolour 5 ms and 42.7 kB; level 6 9–10 ms and 29.8 kB.
 */
const PNG_LEVEL = 3;

/** Rasterises an SVG and checks the size of the result (the icons). */
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

/**
 * zlib settings of the card PNGs (palette images, one byte per pixel, unfiltered rows). Measured on one card
 * (CPU per deflate of the 757 kB of rows): level 6 4.2 ms and 22.6 kB, level 3 1.3 ms and 27.2 kB, run-length
 * matches only (Z_RLE) 0.8 ms and 25.0 kB. A card is mostly runs of one index along a row, so RLE loses little.
 */
const CARD_DEFLATE = { level: 6, strategy: zlibConstants.Z_RLE } as const;

const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

const C = Object.fromEntries(Object.entries(COLOR).map(([k, v]) => [k, rgb(v)])) as Record<keyof typeof COLOR, Rgb>;

/** A card kind's palette, its ramps by ink and background, and the canvas with its fixed parts drawn. */
interface Base {
  palette: Palette;
  ramps: Map<string, Ramp>;
  canvas: Canvas;
  /** The palette as PLTE bytes. */
  plte: Uint8Array;
  /** Where each card of this kind is drawn. */
  scratch?: Canvas;
}

const rampKey = (ink: Ink | 'border' | 'raised', on: 'bg' | 'raised' | 'border') => `${ink} on ${on}`;

export function createCardRenderer({ site, markUri }: RenderContext): (job: CardJob) => Promise<Rendered> {
  const book = new FontBook();
  const glyphs = new GlyphCache();
  const pills = new Map<number, { outer: Mask; inner: Mask }>();
  const metricsByFont = new Map<string, LineMetrics>();
  /** A font's ascent and descent in em, as CSS "line-height: normal" takes them (hhea ascender and descender). */
  const metricsOf = (font: LoadedFont): LineMetrics => {
    let m = metricsByFont.get(font.name);
    if (!m) {
      const { ascender, descender } = font.hb.hExtents();
      m = { ascent: ascender / font.unitsPerEm, descent: -descender / font.unitsPerEm };
      metricsByFont.set(font.name, m);
    }
    return m;
  };
  let main: LineMetrics | undefined;
  const lineMetrics = async (): Promise<LineMetrics> =>
    (main ??= metricsOf((await fontsFor(book, [{ text: 'x', weight: 400 }], [])).fonts[0]!));

  const mark = (size: number) =>
    svgPixels(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
        `<image href="${markUri}" width="${size}" height="${size}"/></svg>`,
    );

  /** Palette (background first: the canvas starts as index 0), logo and ramps for the inks a card uses. */
  const newBase = (
    markBox: Box,
    bar: Box,
    pairs: Array<[Ink | 'border' | 'raised', 'bg' | 'raised' | 'border']>,
  ): Base => {
    const palette = new Palette();
    palette.add(C.bg);
    const canvas = new Canvas(CARD.width, CARD.height, 0);
    canvas.blitPixels(mark(markBox.width), markBox.x, markBox.y, C.bg, palette);
    const list = palette.ramps(pairs.map(([ink, on]) => [C[on], C[ink]] as const));
    const ramps = new Map(pairs.map(([ink, on], i) => [rampKey(ink, on), list[i]!]));
    canvas.fillRect(bar.x, bar.y, bar.width, bar.height, palette.add(C.accent));
    return { palette, ramps, canvas, plte: new Uint8Array() };
  };

  const drawText = (base: Base, canvas: Canvas, fonts: FontSet, box: TextBox) => {
    const ramp = base.ramps.get(rampKey(box.ink, box.on));
    if (!ramp) throw new Error(`no colours for ${box.ink} text on ${box.on}`);
    const line = shapeLine(fonts, box.text, box.weight, box.size, box.letterSpacing);
    for (const g of line.glyphs) {
      const q = Math.round((box.x + g.x) * PHASES);
      const mask = glyphs.get(g.font, g.glyph, box.size, ((q % PHASES) + PHASES) % PHASES);
      if (mask) canvas.paint(mask, Math.floor(q / PHASES), box.baseline - Math.round(g.y), ramp);
    }
  };

  const pillMasks = (width: number, height: number) => {
    const key = width * 4096 + height;
    let masks = pills.get(key);
    if (!masks) {
      const r = height / 2;
      const shape = (inset: number) => {
        const { alpha } = svgCoverage(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
            `<rect x="${inset}" y="${inset}" width="${width - 2 * inset}" height="${height - 2 * inset}" rx="${r - inset}"/></svg>`,
        );
        return { left: 0, top: 0, width, height, alpha };
      };
      masks = { outer: shape(0), inner: shape(2) };
      pills.set(key, masks);
    }
    return masks;
  };

  let article: Promise<Base> | undefined;
  const articleBase = () =>
    (article ??= (async () => {
      const m = await lineMetrics();
      const frame = articleFrame(site.name, m);
      const base = newBase(frame.mark, frame.bar, [
        ['text', 'bg'],
        ['accent', 'bg'],
        ['muted', 'bg'],
        ['border', 'bg'],
        ['raised', 'border'],
        ['text', 'raised'],
      ]);
      const fonts = await fontsFor(book, [{ text: site.name, weight: 800 }], cjkFallbackOrder(site.name));
      drawText(base, base.canvas, fonts, frame.wordmark);
      base.plte = base.palette.bytes();
      return base;
    })());

  const encode = (base: Base, canvas: Canvas) =>
    encodePalettePng(canvas.data, CARD.width, CARD.height, base.plte, (d) => deflateSync(d, CARD_DEFLATE), crc32);

  return async (job) => {
    const warnings: string[] = [];
    const runs = job.kind === 'article' ? articleRuns(job.card, site.name) : defaultRuns(site);
    const fonts = await fontsFor(book, runs, cjkFallbackOrder(runs.map((r) => r.text).join(' ')));
    const m = await lineMetrics();
    if (job.kind === 'default') {
      const layout = defaultLayout(site, m);
      const base = newBase(layout.mark, layout.bar, [
        ['text', 'bg'],
        ['muted', 'bg'],
      ]);
      for (const box of layout.texts) drawText(base, base.canvas, fonts, box);
      base.plte = base.palette.bytes();
      return { png: encode(base, base.canvas), warnings };
    }
    const { card } = job;
    if (fonts.missing.length > 0) {
      const list = fonts.missing.map((c) => `${c} U+${hex(c)}`);
      warnings.push(`no shipped font has ${list.join(', ')}: shown as a box on its social image`);
    }
    const fit = fitHeadline(
      card.headline,
      (text, size) => fonts.measure(text, size, HEADLINE.weight, HEADLINE.letterSpacing),
      HEADLINE,
    );
    if (fit.truncated) warnings.push(`headline cut to ${fit.lines.length} lines on its social image`);
    const base = await articleBase();
    // Drawn on the worker's one scratch canvas, reset to the frame: the PNG is encoded before the next card starts.
    const canvas = (base.scratch ??= new Canvas(CARD.width, CARD.height));
    canvas.data.set(base.canvas.data);
    const distroWidth = card.distro ? shapeLine(fonts, card.distro, 600, 26).width : 0;
    // Each headline line's baseline follows the font of its first character (a line starting in Chinese sits lower).
    const firstFonts = fit.lines.map((line) => fonts.fontFor(line.codePointAt(0)!, HEADLINE.weight));
    const layout = articleLayout(
      card,
      fit,
      distroWidth,
      m,
      firstFonts.map((f) => (f ? metricsOf(f) : m)),
    );
    if (layout.pill) {
      const { x, y, width, height } = layout.pill;
      const { outer, inner } = pillMasks(width, height);
      canvas.paint(outer, x, y, base.ramps.get(rampKey('border', 'bg'))!);
      canvas.paint(inner, x, y, base.ramps.get(rampKey('raised', 'border'))!);
    }
    for (const box of layout.texts) drawText(base, canvas, fonts, box);
    return { png: encode(base, canvas), warnings };
  };
}
