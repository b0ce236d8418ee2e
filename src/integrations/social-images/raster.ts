/**
 * The compositor of the social images. A card is an 8-bit palette image: every colour it can hold is known before
 * drawing (the design's solid colours, the logo's own pixels, and for each text or edge colour over its background a
 * ramp of blends), so pixels are palette indices from the start and the PNG encoder has nothing to convert. Shapes
 * arrive as coverage masks (0–255, how much of each pixel a glyph or an edge covers), rasterised by resvg: glyphs
 * once per font, glyph, size and sub-pixel phase (GlyphCache), the rest once per worker.
 */
import { Resvg } from '@resvg/resvg-js';
import type { LoadedFont } from './fonts.ts';

/** A colour as 0xRRGGBB. */
export type Rgb = number;

export const rgb = (hex: string): Rgb => {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`expected a colour as #rrggbb, got "${hex}"`);
  return Number.parseInt(hex.slice(1), 16);
};

/** Blend of two colours, `t` of the way from `from` to `to`, rounded per channel (as resvg blends, in sRGB). */
export function mix(from: Rgb, to: Rgb, t: number): Rgb {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const a = (from >> shift) & 255;
    const b = (to >> shift) & 255;
    out |= Math.round(a + (b - a) * t) << shift;
  }
  return out;
}

/** A colour drawn over a background through a coverage mask: palette entries for each level of coverage. */
export interface Ramp {
  /** Highest level (full coverage); level 0 is the background itself. */
  top: number;
  /** Palette index of each level, 0..top. */
  index: Uint8Array;
  /** Level of each palette index on this ramp, or -1 for colours not on it. */
  levelOf: Int16Array;
  /** Level of each coverage value 0–255. */
  quantise: Uint8Array;
}

export const MAX_COLOURS = 256;

export class Palette {
  readonly colours: Rgb[] = [];
  private readonly known = new Map<Rgb, number>();

  /** The index of a colour, added when new. */
  add(colour: Rgb): number {
    let i = this.known.get(colour);
    if (i === undefined) {
      if (this.colours.length >= MAX_COLOURS) throw new Error(`a card needs more than ${MAX_COLOURS} colours`);
      i = this.colours.length;
      this.colours.push(colour);
      this.known.set(colour, i);
    }
    return i;
  }

  /**
   * Ramps for (background, colour) pairs, sharing what is left of the 256 entries: as many levels as fit, at most
   * 64 (finer steps than 4 per 255 are invisible on text edges).
   */
  ramps(pairs: ReadonlyArray<readonly [Rgb, Rgb]>): Ramp[] {
    for (const [bg, fg] of pairs) {
      this.add(bg);
      this.add(fg);
    }
    const free = MAX_COLOURS - this.colours.length;
    const top = Math.min(64, Math.floor(free / Math.max(1, pairs.length)) + 1);
    if (top < 8) throw new Error(`too few palette entries left for smooth edges (${free} for ${pairs.length} ramps)`);
    const quantise = Uint8Array.from({ length: 256 }, (_, c) => Math.round((c * top) / 255));
    return pairs.map(([bg, fg]) => {
      const index = Uint8Array.from({ length: top + 1 }, (_, l) => this.add(mix(bg, fg, l / top)));
      const levelOf = new Int16Array(MAX_COLOURS).fill(-1);
      // Lowest level first, so that a colour two levels share (possible only with very close colours) maps low.
      for (let l = top; l >= 0; l--) levelOf[index[l]!] = l;
      return { top, index, levelOf, quantise };
    });
  }

  /** The PLTE chunk's data: RGB of each entry. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.colours.length * 3);
    this.colours.forEach((c, i) => out.set([(c >> 16) & 255, (c >> 8) & 255, c & 255], i * 3));
    return out;
  }
}

/** A coverage mask placed relative to an origin (a glyph's pen position on the baseline, or a shape's corner). */
export interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** Rasterises an SVG with resvg and keeps its alpha channel: how much of each pixel the drawing covers. */
export function svgCoverage(svg: string): { width: number; height: number; alpha: Uint8Array } {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'error' }).render();
  const { width, height, pixels } = image;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = pixels[i * 4 + 3]!;
  return { width, height, alpha };
}

/** Rasterises an SVG to premultiplied RGBA pixels (for the logo). */
export function svgPixels(svg: string): { width: number; height: number; pixels: Uint8Array } {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'error' }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** Sub-pixel positions a glyph may take horizontally: its pen position is rounded to a quarter pixel. */
export const PHASES = 4;

/**
 * Glyph coverage masks, each rasterised once from the font's outline (HarfBuzz draws it as an SVG path, resvg fills
 * it, as satori and resvg did before) per glyph, size and horizontal sub-pixel phase.
 */
export class GlyphCache {
  private readonly masks = new Map<string, Mask | null>();
  /** Glyphs rasterised so far (for tests and the build log). */
  rasterised = 0;

  /**
   * @param limit Masks kept at most: a Latin archive needs a few thousand, a CJK one could need hundreds of
   * thousands (about 5 kB each at headline sizes), so past the limit the cache starts again. Masks are the same
   * whenever they are drawn, so this changes the time a card takes, never its pixels.
   */
  constructor(limit = 8_000) {
    this.limit = limit;
  }

  readonly limit: number;

  /** The mask of a glyph with its pen at x = phase / PHASES on the baseline, or null for an empty glyph. */
  get(font: LoadedFont, glyph: number, size: number, phase: number): Mask | null {
    const key = `${font.name} ${glyph} ${size} ${phase}`;
    let mask = this.masks.get(key);
    if (mask === undefined) {
      if (this.masks.size >= this.limit) this.masks.clear();
      mask = rasteriseGlyph(font, glyph, size, phase / PHASES);
      this.masks.set(key, mask);
      this.rasterised++;
    }
    return mask;
  }

  get size(): number {
    return this.masks.size;
  }
}

function rasteriseGlyph(font: LoadedFont, glyph: number, size: number, dx: number): Mask | null {
  const extents = font.hb.glyphExtents(glyph);
  if (!extents || extents.width === 0 || extents.height === 0) return null;
  const scale = size / font.unitsPerEm;
  // Font units are y-up from the baseline; pixels y-down. One pixel of margin for anti-aliasing.
  const left = Math.floor(dx + extents.xBearing * scale) - 1;
  const right = Math.ceil(dx + (extents.xBearing + extents.width) * scale) + 1;
  const top = Math.floor(-extents.yBearing * scale) - 1;
  const bottom = Math.ceil(-(extents.yBearing + extents.height) * scale) + 1;
  const width = right - left;
  const height = bottom - top;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<path transform="matrix(${scale} 0 0 ${-scale} ${dx - left} ${-top})" d="${font.hb.glyphToPath(glyph)}"/></svg>`;
  const { alpha } = svgCoverage(svg);
  return { left, top, width, height, alpha };
}

/**
 * A palette image whose rows already carry PNG's filter byte (0, none): the pixels are the IDAT data as they are,
 * so encoding is one deflate call.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number, background = 0) {
    this.width = width;
    this.height = height;
    this.stride = width + 1;
    this.data = new Uint8Array(this.stride * height).fill(background);
    for (let y = 0; y < height; y++) this.data[y * this.stride] = 0;
  }

  fillRect(x: number, y: number, width: number, height: number, index: number): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + width);
    for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row++) {
      const at = row * this.stride + 1;
      this.data.fill(index, at + x0, at + x1);
    }
  }

  /**
   * Draws a ramp's colour through a mask whose origin lands on (x, y). Coverage adds up where masks of the same
   * ramp meet (two glyphs' edges sharing a pixel); over a colour not on the ramp, the mask's own level wins where it
   * covers at least half.
   */
  paint(mask: Mask, x: number, y: number, ramp: Ramp): void {
    const { alpha, width } = mask;
    const { data, stride } = this;
    const { quantise, levelOf, index, top } = ramp;
    const half = top >> 1;
    const left = x + mask.left;
    const up = y + mask.top;
    const c0 = Math.max(0, -left);
    const c1 = Math.min(width, this.width - left);
    const r0 = Math.max(0, -up);
    const r1 = Math.min(mask.height, this.height - up);
    for (let r = r0; r < r1; r++) {
      const src = r * width;
      const dst = (up + r) * stride + 1 + left;
      for (let c = c0; c < c1; c++) {
        const a = alpha[src + c]!;
        if (a === 0) continue;
        const level = quantise[a]!;
        if (level === 0) continue;
        const p = dst + c;
        const under = levelOf[data[p]!]!;
        if (under >= 0) data[p] = index[Math.min(top, under + level)]!;
        else if (level >= half) data[p] = index[level]!;
      }
    }
  }

  /** Copies premultiplied RGBA pixels over the background colour, each colour looked up (or added) in a palette. */
  blitPixels(
    image: { width: number; height: number; pixels: Uint8Array },
    x: number,
    y: number,
    background: Rgb,
    palette: Palette,
  ): void {
    const { width, height, pixels } = image;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const i = (r * width + c) * 4;
        const rest = 255 - pixels[i + 3]!;
        let colour = 0;
        for (const [k, shift] of [
          [0, 16],
          [1, 8],
          [2, 0],
        ] as const) {
          colour |= Math.min(255, pixels[i + k]! + Math.round((((background >> shift) & 255) * rest) / 255)) << shift;
        }
        this.data[(y + r) * this.stride + 1 + x + c] = palette.add(colour);
      }
    }
  }
}
