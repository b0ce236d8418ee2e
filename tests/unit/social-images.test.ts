import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { create as parseFont, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import {
  balanceUnits,
  breakUnits,
  cjkFallbackOrder,
  fitHeadline,
  hasCjk,
  linesAt,
  preferredCjk,
  wrapText,
  type FitOptions,
} from '../../src/integrations/social-images/text.ts';
import { Resvg } from '@resvg/resvg-js';
import {
  encodeOpaquePng,
  encodePalettePng,
  icoFromPngs,
  pngSize,
  woffToSfnt,
} from '../../src/integrations/social-images/binary.ts';
import { createCardRenderer } from '../../src/integrations/social-images/render.ts';
import {
  Canvas,
  GlyphCache,
  MAX_COLOURS,
  Palette,
  PHASES,
  mix,
  rgb,
} from '../../src/integrations/social-images/raster.ts';
import { FontBook, fontsFor } from '../../src/integrations/social-images/fonts.ts';
import {
  CARD,
  HEADLINE,
  articleFrame,
  articleLayout,
  defaultLayout,
} from '../../src/integrations/social-images/cards.ts';
import { shapeLine } from '../../src/integrations/social-images/shape.ts';
import { drawIcons, FAVICON_FILE, ICONS } from '../../src/integrations/social-images/icons.ts';
import { parseSocialCards, socialCard } from '../../src/lib/social-card.ts';
import type { ArticleView } from '../../src/lib/article-view.ts';

/** A monospaced stand-in for font metrics: CJK characters 1 em, everything else 0.5 em. */
const fakeMeasure = (text: string, size = 10) =>
  Array.from(text).reduce((w, ch) => w + (hasCjk(ch) ? 1 : 0.5) * size, 0);

/** A minimal valid-looking PNG: signature, IHDR length and type, width and height. */
function fakePng(width: number, height: number, extra = 8): Uint8Array {
  const png = new Uint8Array(33 + extra);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

describe('CJK detection', () => {
  it('finds Chinese, Japanese and Korean characters, CJK punctuation and full-width forms', () => {
    expect(hasCjk('Fedora 42 released')).toBe(false);
    expect(hasCjk('Ubuntu — “quoted” café, Ελληνικά, кириллица')).toBe(false);
    expect(hasCjk('openKylin 发布')).toBe(true);
    expect(hasCjk('かな')).toBe(true);
    expect(hasCjk('カタカナ')).toBe(true);
    expect(hasCjk('한국어')).toBe(true);
    expect(hasCjk('Linux「x」')).toBe(true);
    expect(hasCjk('ＡＢＣ')).toBe(true);
  });

  it('prefers Korean for Hangul, Japanese for kana, Simplified Chinese for Han alone', () => {
    expect(preferredCjk('Debian 13')).toBeNull();
    expect(preferredCjk('中国桌面 Linux')).toBe('sc');
    expect(preferredCjk('日本語 Remix が対応')).toBe('jp');
    expect(preferredCjk('한국형 리눅스 漢字')).toBe('kr');
    expect(cjkFallbackOrder('かな')).toEqual(['jp', 'sc', 'kr']);
    expect(cjkFallbackOrder('Latin only')).toEqual(['sc', 'jp', 'kr']);
  });
});

describe('line breaking', () => {
  it('breaks Latin text at spaces only, collapsing runs of white space', () => {
    expect(breakUnits('  Fedora   42\nreleased ')).toEqual([
      { text: 'Fedora', spaceAfter: true },
      { text: '42', spaceAfter: true },
      { text: 'released', spaceAfter: false },
    ]);
  });

  it('may break after a hyphen between letters, never inside version strings', () => {
    expect(breakUnits('ABI-compatible').map((u) => u.text)).toEqual(['ABI-', 'compatible']);
    expect(breakUnits('post-quantum').map((u) => u.text)).toEqual(['post-', 'quantum']);
    expect(breakUnits('x86-64-v2 9.4-rc1 RISC-V').map((u) => u.text)).toEqual(['x86-64-v2', '9.4-rc1', 'RISC-V']);
  });

  it('breaks between Chinese and Japanese characters, keeping punctuation and small kana attached', () => {
    expect(breakUnits('发布新版本。').map((u) => u.text)).toEqual(['发', '布', '新', '版', '本。']);
    expect(breakUnits('「Mozc」に').map((u) => u.text)).toEqual(['「Mozc」', 'に']);
    expect(breakUnits('チャット').map((u) => u.text)).toEqual(['チャッ', 'ト']);
    expect(breakUnits('Linux发行版').map((u) => u.text)).toEqual(['Linux', '发', '行', '版']);
  });

  it('wraps Korean at spaces, like word-break: keep-all', () => {
    expect(breakUnits('한국형 리눅스 배포판').map((u) => u.text)).toEqual(['한국형', '리눅스', '배포판']);
  });

  it('fills lines greedily without exceeding the width, and loses no text', () => {
    const text = 'AlmaLinux drops 1:1 RHEL compatibility and aims for ABI compatibility instead';
    const lines = wrapText(text, (s) => fakeMeasure(s), 130);
    expect(lines).toEqual(['AlmaLinux drops 1:1 RHEL', 'compatibility and aims for', 'ABI compatibility instead']);
    for (const line of lines) expect(fakeMeasure(line)).toBeLessThanOrEqual(130);
    expect(lines.join(' ')).toBe(text);
  });

  it('never starts a line with closing CJK punctuation', () => {
    // Four characters a line; "。" would start line 2, so "面" moves down with it.
    const lines = wrapText('中国桌面。发行版', (s) => fakeMeasure(s), 40);
    expect(lines).toEqual(['中国桌', '面。发行', '版']);
    for (const line of lines) expect(line).not.toMatch(/^[、。，）」』]/u);
  });

  it('balances lines like text-wrap: balance, without adding a line', () => {
    const units = breakUnits('aaaa bbbb cccc dddd eeee');
    expect(wrapText('aaaa bbbb cccc dddd eeee', (s) => fakeMeasure(s), 100)).toEqual(['aaaa bbbb cccc dddd', 'eeee']);
    expect(balanceUnits(units, (s) => fakeMeasure(s), 100)).toEqual(['aaaa bbbb cccc', 'dddd eeee']);
    expect(balanceUnits(units, (s) => fakeMeasure(s), 200)).toEqual(['aaaa bbbb cccc dddd eeee']);
    // Never narrower than the longest word.
    expect(balanceUnits(breakUnits('a bb extraordinarily'), (s) => fakeMeasure(s), 80)).toEqual([
      'a bb',
      'extraordinarily',
    ]);
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('a supercalifragilisticexpialidocious word', (s) => fakeMeasure(s), 50);
    expect(lines).toEqual(['a', 'supercalif', 'ragilistic', 'expialidoc', 'ious word']);
    for (const line of lines) expect(fakeMeasure(line)).toBeLessThanOrEqual(50);
  });
});

describe('headline sizing', () => {
  const box: FitOptions = { width: 1000, height: 300, sizes: [80, 60, 40], lineHeight: 1.25, maxLines: 4 };

  it('caps the lines at what the box height holds at each size', () => {
    expect(linesAt(80, box)).toBe(3);
    expect(linesAt(60, box)).toBe(4);
    expect(linesAt(40, box)).toBe(4);
  });

  it('uses the largest size for a short headline', () => {
    const fit = fitHeadline('Debian 13 released', fakeMeasure, box);
    expect(fit).toEqual({ fontSize: 80, lines: ['Debian 13 released'], truncated: false });
  });

  it('shrinks the font as the headline grows, keeping every line inside the box', () => {
    const medium = fitHeadline('word '.repeat(20).trim(), fakeMeasure, box);
    const long = fitHeadline('word '.repeat(30).trim(), fakeMeasure, box);
    expect(medium.fontSize).toBe(60);
    expect(long.fontSize).toBe(40);
    for (const fit of [medium, long]) {
      expect(fit.truncated).toBe(false);
      expect(fit.lines.length).toBeLessThanOrEqual(linesAt(fit.fontSize, box));
      for (const line of fit.lines) expect(fakeMeasure(line, fit.fontSize)).toBeLessThanOrEqual(box.width);
    }
  });

  it('cuts a headline too long even at the smallest size, with an ellipsis that fits', () => {
    const fit = fitHeadline('中华人民共和国的开源操作系统社区'.repeat(10), fakeMeasure, box);
    expect(fit.truncated).toBe(true);
    expect(fit.fontSize).toBe(40);
    expect(fit.lines).toHaveLength(4);
    expect(fit.lines.at(-1)).toMatch(/…$/u);
    for (const line of fit.lines) expect(fakeMeasure(line, 40)).toBeLessThanOrEqual(box.width);
  });
});

describe('ICO container', () => {
  it('wraps PNG files with an ICONDIR and one ICONDIRENTRY each, little-endian', () => {
    const a = fakePng(32, 32);
    const b = fakePng(256, 256, 20);
    const ico = icoFromPngs([a, b]);
    const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 2]);
    const entry = (i: number) => {
      const at = 6 + 16 * i;
      return {
        width: view.getUint8(at),
        height: view.getUint8(at + 1),
        colors: view.getUint8(at + 2),
        planes: view.getUint16(at + 4, true),
        bpp: view.getUint16(at + 6, true),
        size: view.getUint32(at + 8, true),
        offset: view.getUint32(at + 12, true),
      };
    };
    expect(entry(0)).toEqual({ width: 32, height: 32, colors: 0, planes: 1, bpp: 32, size: a.length, offset: 38 });
    // 256 px is written as 0.
    expect(entry(1)).toEqual({
      width: 0,
      height: 0,
      colors: 0,
      planes: 1,
      bpp: 32,
      size: b.length,
      offset: 38 + a.length,
    });
    expect(ico.subarray(38, 38 + a.length)).toEqual(a);
    expect(ico.subarray(38 + a.length)).toEqual(b);
    expect(ico.length).toBe(38 + a.length + b.length);
  });

  it('refuses what is not a PNG, or too large for an icon', () => {
    expect(() => icoFromPngs([])).toThrow();
    expect(() => icoFromPngs([new Uint8Array(40)])).toThrow(/not a PNG/);
    expect(() => icoFromPngs([fakePng(512, 512)])).toThrow(/256/);
  });

  it('reads the size of a PNG', () => {
    expect(pngSize(fakePng(1200, 630))).toEqual({ width: 1200, height: 630 });
  });
});

/** Decodes a truecolour PNG with unfiltered rows: checks every chunk's CRC and returns the header and RGB rows. */
function decodePng(png: Uint8Array): { width: number; height: number; colourType: number; rgb: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(pngSize(png)).toBeTruthy();
  const idat: Uint8Array[] = [];
  let header: Uint8Array | undefined;
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const h = new DataView(header!.buffer, header!.byteOffset, 13);
  const [width, height, colourType] = [h.getUint32(0), h.getUint32(4), header![9]!];
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  expect(raw.length).toBe(stride * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride], `filter of row ${y}`).toBe(0);
    rgb.set(raw.subarray(y * stride + 1, (y + 1) * stride), y * width * 3);
  }
  return { width, height, colourType, rgb };
}

const deflate3 = (d: Uint8Array) => deflateSync(d, { level: 3 });

describe('PNG encoding', () => {
  it('writes opaque pixels as truecolour rows that decode to the same colours', () => {
    // 3×2: red, green, blue / white, grey, the card background.
    const rgba = new Uint8Array([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 128, 128, 128, 255, 252, 252, 250, 255,
    ]);
    const png = encodeOpaquePng(rgba, 3, 2, deflate3, crc32)!;
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height, decoded.colourType]).toEqual([3, 2, 2]);
    expect([...decoded.rgb]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 128, 128, 128, 252, 252, 250]);
  });

  it('leaves an image with any transparent pixel to another encoder, and refuses a wrong pixel count', () => {
    const rgba = new Uint8Array(4 * 4).fill(255);
    rgba[4 * 3 + 3] = 254;
    expect(encodeOpaquePng(rgba, 2, 2, deflate3, crc32)).toBeUndefined();
    expect(() => encodeOpaquePng(rgba, 3, 2, deflate3, crc32)).toThrow('expected 24 bytes of RGBA, got 16');
  });
});

/** Decodes a PNG with a real decoder: resvg draws it as an image at its own size, pixel for pixel. */
function decodeWithResvg(png: Uint8Array): {
  width: number;
  height: number;
  pixel: (x: number, y: number) => number[];
} {
  const { width, height } = pngSize(png);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<image href="data:image/png;base64,${Buffer.from(png).toString('base64')}" width="${width}" height="${height}"/></svg>`;
  const image = new Resvg(svg).render();
  const pixels = image.pixels;
  return {
    width: image.width,
    height: image.height,
    pixel: (x, y) => [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)],
  };
}

/** The chunk types of a PNG file in order, and its IHDR colour type. */
function pngChunks(png: Uint8Array): { types: string[]; colourType: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return { types, colourType: png[25]! };
}

describe('card layout', () => {
  // Noto Sans: hhea ascender 1069, descender -293, 1000 units per em.
  const noto = { ascent: 1.069, descent: 0.293 };
  const card = { id: 'x', kicker: 'News', headline: '', distro: 'Fedora Linux', dateLabel: '23 April 2024' };
  const byText = <T extends { text: string }>(texts: T[], text: string): T => texts.find((t) => t.text === text)!;

  it('puts every text where the satori card had it (Fedora 42, two lines at 76 px)', () => {
    // Positions read from satori's SVG for this card (embedFont: false writes each text's x and baseline).
    const fit = { fontSize: 76, lines: ['Fedora 42 released', 'with a new installer'] };
    const { texts, pill } = articleLayout(card, fit, 163.54, noto);
    const at = (text: string) => [byText(texts, text).x, byText(texts, text).baseline];
    expect(at('NEWS')).toEqual([80, 225]);
    expect(at('Fedora 42 released')).toEqual([80, 324]);
    expect(at('with a new installer')).toEqual([80, 412]);
    expect(at('Fedora Linux')).toEqual([104, 550]);
    expect(at('23 April 2024')).toEqual([316, 550]);
    expect(pill).toEqual({ x: 80, y: 513, width: 212, height: 55 });
    expect(articleFrame('Downstream', noto)).toMatchObject({
      mark: { x: 80, y: 56, width: 56, height: 56 },
      bar: { x: 0, y: 616, width: CARD.width, height: 14 },
      wordmark: { x: 154, baseline: 99 },
    });
  });

  it('keeps the kicker and headline centred between wordmark and foot, lines a whole line box apart', () => {
    for (const n of [1, 2, 3, 4]) {
      const fit = { fontSize: 42, lines: Array.from({ length: n }, (_, i) => `line ${i}`) };
      const { texts } = articleLayout(card, fit, 100, noto);
      const baselines = fit.lines.map((l) => byText(texts, l).baseline);
      for (let i = 1; i < n; i++) expect(baselines[i]! - baselines[i - 1]!).toBe(Math.round(42 * HEADLINE.lineHeight));
      // Space above the kicker's box and below the last line's box differ by at most a pixel.
      const kickerTop = byText(texts, 'NEWS').baseline - 26 * noto.ascent;
      const lastBottom = baselines[n - 1]! + 42 * noto.descent + (42 * HEADLINE.lineHeight - 42 * 1.362) / 2;
      expect(Math.abs(kickerTop - 112 - (513 - lastBottom))).toBeLessThanOrEqual(2);
    }
  });

  it('starts the date at the left margin when there is no distribution tag', () => {
    const { texts, pill } = articleLayout({ ...card, distro: '' }, { fontSize: 76, lines: ['Short'] }, 0, noto);
    expect(pill).toBeUndefined();
    expect(byText(texts, '23 April 2024')).toMatchObject({ x: 80, baseline: 560 });
    expect(texts.map((t) => t.text)).not.toContain('');
  });

  it("sets a line that starts in a CJK font on that font's baseline", () => {
    const cjk = { ascent: 1.16, descent: 0.288 };
    const fit = { fontSize: 76, lines: ['Fedora 40 と openSUSE の', '新しいリリース', '출시'] };
    const { texts } = articleLayout(card, fit, 100, noto, [noto, cjk, cjk]);
    expect(fit.lines.map((l) => byText(texts, l).baseline)).toEqual([280, 372, 460]);
  });

  it("centres the default card's wordmark and tagline", () => {
    const layout = defaultLayout({ name: 'Downstream', tagline: 'News' }, noto);
    expect(layout.mark).toEqual({ x: 100, y: 206, width: 128, height: 128 });
    expect(layout.texts.map((t) => [t.text, t.x, t.baseline])).toEqual([
      ['Downstream', 269, 310],
      ['News', 100, 419],
    ]);
  });
});

describe('palette PNG encoding', () => {
  const palette = new Uint8Array([252, 252, 250, 11, 92, 173, 27, 28, 30]);

  it('writes a palette image that a real decoder reads back to the palette colours', () => {
    // 3×2, each row a filter byte 0 and three palette indices.
    const rows = new Uint8Array([0, 0, 1, 2, 0, 2, 1, 0]);
    const png = encodePalettePng(rows, 3, 2, palette, deflate3, crc32);
    expect(pngChunks(png)).toEqual({ types: ['IHDR', 'PLTE', 'IDAT', 'IEND'], colourType: 3 });
    const image = decodeWithResvg(png);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect([image.pixel(0, 0), image.pixel(1, 0), image.pixel(2, 0)]).toEqual([
      [252, 252, 250, 255],
      [11, 92, 173, 255],
      [27, 28, 30, 255],
    ]);
    expect([image.pixel(0, 1), image.pixel(1, 1), image.pixel(2, 1)]).toEqual([
      [27, 28, 30, 255],
      [11, 92, 173, 255],
      [252, 252, 250, 255],
    ]);
  });

  it('refuses rows of the wrong size, a row without filter byte 0, and a palette PNG cannot hold', () => {
    expect(() => encodePalettePng(new Uint8Array(7), 3, 2, palette, deflate3, crc32)).toThrow(
      'expected 8 bytes of rows, got 7',
    );
    expect(() => encodePalettePng(new Uint8Array([0, 0, 0, 0, 1, 0, 0, 0]), 3, 2, palette, deflate3, crc32)).toThrow(
      'row 1 does not start with filter type 0',
    );
    expect(() => encodePalettePng(new Uint8Array(8), 3, 2, new Uint8Array(257 * 3), deflate3, crc32)).toThrow(
      /1 to 256 RGB colours/,
    );
  });
});

describe('palette and compositing', () => {
  const bg = rgb('#fcfcfa');
  const ink = rgb('#1b1c1e');

  it('gives each colour one entry and each ramp its background, its colour and the blends between', () => {
    const palette = new Palette();
    expect(palette.add(bg)).toBe(0);
    expect(palette.add(bg)).toBe(0);
    const [ramp] = palette.ramps([[bg, ink]]);
    expect(ramp!.index[0]).toBe(0);
    expect(palette.colours[ramp!.index[ramp!.top]!]).toBe(ink);
    expect(palette.colours[ramp!.index[ramp!.top >> 1]!]).toBe(mix(bg, ink, (ramp!.top >> 1) / ramp!.top));
    expect(ramp!.quantise[0]).toBe(0);
    expect(ramp!.quantise[255]).toBe(ramp!.top);
    expect(ramp!.top).toBe(64);
  });

  it('shares the 256 entries between ramps, with fewer levels when more ramps need them', () => {
    const palette = new Palette();
    palette.add(bg);
    const inks = ['#1b1c1e', '#0b5cad', '#50545c', '#d6d4ce', '#ffffff', '#aa0000'].map(rgb);
    const ramps = palette.ramps(inks.map((c) => [bg, c] as const));
    expect(palette.colours.length).toBeLessThanOrEqual(MAX_COLOURS);
    expect(ramps[0]!.top).toBeLessThan(64);
    expect(ramps[0]!.top).toBeGreaterThanOrEqual(32);
    expect(palette.bytes().length).toBe(palette.colours.length * 3);
  });

  it('adds the coverage of masks that meet on a pixel, and clips masks at the edges', () => {
    const palette = new Palette();
    palette.add(bg);
    const [ramp] = palette.ramps([[bg, ink]]);
    const canvas = new Canvas(4, 2, 0);
    const half = { left: 0, top: 0, width: 2, height: 1, alpha: new Uint8Array([128, 255]) };
    canvas.paint(half, 1, 0, ramp!);
    canvas.paint(half, 1, 0, ramp!);
    canvas.paint(half, 3, 1, ramp!); // half of it lies outside
    const at = (x: number, y: number) => canvas.data[y * canvas.stride + 1 + x]!;
    expect(at(0, 0)).toBe(0);
    expect(at(1, 0)).toBe(ramp!.index[ramp!.top]); // two halves make a whole
    expect(at(2, 0)).toBe(ramp!.index[ramp!.top]);
    expect(at(3, 1)).toBe(ramp!.index[ramp!.quantise[128]!]);
    // Every row still starts with PNG's filter byte.
    expect([canvas.data[0], canvas.data[canvas.stride]]).toEqual([0, 0]);
  });
});

describe('glyphs', () => {
  it('shapes with the font that has each character and rasterises each glyph once per size and phase', async () => {
    const book = new FontBook();
    const fonts = await fontsFor(book, [{ text: 'Linux 发行版', weight: 700 }], ['sc', 'jp', 'kr']);
    const line = shapeLine(fonts, 'Linux 发行版', 700, 40);
    expect(line.glyphs.map((g) => g.font.name.split('-').slice(0, 3).join('-'))).toEqual([
      ...Array(6).fill('noto-sans-latin'),
      ...Array(3).fill('noto-sans-sc'),
    ]);
    // Pens advance left to right, and the Chinese characters are a full em wide.
    const xs = line.glyphs.map((g) => g.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(line.glyphs[7]!.x - line.glyphs[6]!.x).toBeCloseTo(40, 0);

    const cache = new GlyphCache();
    const l = line.glyphs[0]!;
    const first = cache.get(l.font, l.glyph, 40, 0)!;
    expect(cache.get(l.font, l.glyph, 40, 0)).toBe(first);
    expect(cache.rasterised).toBe(1);
    const shifted = cache.get(l.font, l.glyph, 40, PHASES / 2)!;
    expect(cache.rasterised).toBe(2);
    expect(shifted.alpha).not.toEqual(first.alpha);
    // An "L" at 40 px: a solid stem above the baseline, the mask reaching from cap height to the baseline.
    expect(first.top).toBeLessThan(-25);
    expect(first.top + first.height).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first.alpha)).toBe(255);
    const space = line.glyphs[5]!;
    expect(cache.get(space.font, space.glyph, 40, 0)).toBeNull();
  });
});

describe('WOFF unpacking', () => {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@fontsource/noto-sans'));
  const woff = readFileSync(join(dir, 'files', 'noto-sans-latin-700-normal.woff'));

  it('turns a WOFF file into the font it wraps, with the same glyphs and metrics', () => {
    const sfnt = woffToSfnt(woff, inflateSync);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    expect(view.getUint32(0)).toBe(woff.readUInt32BE(4)); // the WOFF flavor is the sfnt version
    expect(view.getUint16(4)).toBe(woff.readUInt16BE(12));
    const before = parseFont(woff) as Font;
    const after = parseFont(Buffer.from(sfnt)) as Font;
    expect(after.type).toBe('TTF');
    expect(after.unitsPerEm).toBe(before.unitsPerEm);
    for (const ch of 'Downstream 42') {
      const cp = ch.codePointAt(0)!;
      expect(after.glyphForCodePoint(cp).advanceWidth).toBe(before.glyphForCodePoint(cp).advanceWidth);
    }
  });

  it('leaves other data alone', () => {
    const ttf = new Uint8Array([0, 1, 0, 0, 1, 2, 3]);
    expect(woffToSfnt(ttf, inflateSync)).toBe(ttf);
  });
});

describe('social card data', () => {
  const view = {
    id: 'fedora-40',
    title: 'Fedora & “friends” 中文',
    section: { label: 'News' },
    distros: [{ name: 'Fedora Linux' }, { name: 'CentOS Stream' }],
    published: new Date('2024-04-23T00:00:00Z'),
  } as unknown as ArticleView;

  it('takes kicker, headline, main distribution and date from the read model', () => {
    expect(socialCard(view)).toEqual({
      id: 'fedora-40',
      kicker: 'News',
      headline: 'Fedora & “friends” 中文',
      distro: 'Fedora Linux',
      dateLabel: '23 April 2024',
    });
  });

  it('has no distribution pill for an imported article without one, and refuses that for a new article', () => {
    const untagged = { ...view, distros: [], entry: { data: {} } } as unknown as ArticleView;
    expect(() => socialCard(untagged)).toThrow('article "fedora-40" has no distribution for its social image');
    const imported = {
      ...view,
      distros: [],
      entry: { data: { imported: { from: 'hugo' } } },
    } as unknown as ArticleView;
    expect(socialCard(imported).distro).toBe('');
    const json = JSON.stringify({ version: 1, cards: [socialCard(imported)] });
    expect(parseSocialCards(json, 'f')[0]?.distro).toBe('');
  });

  it('reads the data file back and names what is missing', () => {
    const json = JSON.stringify({ version: 1, cards: [socialCard(view)] });
    expect(parseSocialCards(json, 'dist/og/cards.json')).toEqual([socialCard(view)]);
    expect(() => parseSocialCards('{"version":1,"cards":[{"id":"x"}]}', 'f')).toThrow('f: cards[0].kicker is missing');
    expect(() => parseSocialCards('{"cards":[]}', 'f')).toThrow('f: not a version 1 social cards file');
  });
});

describe('drawing', () => {
  const favicon = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
  const markUri = `data:image/svg+xml;base64,${Buffer.from(favicon).toString('base64')}`;
  const render = createCardRenderer({ site: { name: 'Downstream', tagline: 'News about Linux' }, markUri });

  it('draws a 1200×630 article card, with CJK text from the CJK fonts and no warnings', async () => {
    const { png, warnings } = await render({
      kind: 'article',
      card: {
        id: 'x',
        kicker: 'News',
        headline: 'Fedora 40 と openSUSE の新しいリリース，데비안 13 출시，统信发布',
        distro: 'Fedora Linux',
        dateLabel: '23 April 2024',
      },
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(pngChunks(png).colourType).toBe(3);
    expect(warnings).toEqual([]);
    // What a reader sees at the edges: the page background at the top left, the accent bar along the bottom.
    const { pixel } = decodeWithResvg(png);
    expect(pixel(2, 2)).toEqual([0xfc, 0xfc, 0xfa, 255]);
    expect(pixel(600, 625)).toEqual([0x0b, 0x5c, 0xad, 255]);
    // The headline is drawn: dark text pixels in the middle band, where the background alone has none; the CJK
    // characters (not boxes) in the lower lines among them.
    const darkIn = (x0: number, x1: number, y0: number, y1: number) => {
      let dark = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixel(x, y)[0]! < 0x40) dark++;
      return dark;
    };
    expect(darkIn(80, 1120, 200, 450)).toBeGreaterThan(5000);
    expect(darkIn(80, 1120, 300, 470)).toBeGreaterThan(3000);
    // The distribution's tag: its border left of the name, white inside.
    expect(pixel(81, 540)).not.toEqual([0xfc, 0xfc, 0xfa, 255]);
    expect(pixel(95, 540)).toEqual([0xff, 0xff, 0xff, 255]);
  });

  it('draws the same bytes for the same card in another worker', async () => {
    const card = {
      id: 'x',
      kicker: 'Guide',
      headline: 'Same card, same bytes',
      distro: 'NixOS',
      dateLabel: '1 May 2024',
    };
    const other = createCardRenderer({ site: { name: 'Downstream', tagline: 'News about Linux' }, markUri });
    const a = await render({ kind: 'article', card });
    await other({ kind: 'article', card: { ...card, headline: 'Another card first, to fill the glyph cache' } });
    const b = await other({ kind: 'article', card });
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
  });

  it('warns about characters no shipped font has, and still draws the card', async () => {
    const { png, warnings } = await render({
      kind: 'article',
      card: { id: 'x', kicker: 'News', headline: 'Hieroglyphs 𓀀 arrive', distro: 'Debian', dateLabel: '1 May 2024' },
    });
    expect(warnings).toEqual(['no shipped font has 𓀀 U+13000: shown as a box on its social image']);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws the default card with the site name and tagline', async () => {
    const { png, warnings } = await render({ kind: 'default' });
    expect(warnings).toEqual([]);
    const { pixel } = decodeWithResvg(png);
    expect(pixel(600, 625)).toEqual([0x0b, 0x5c, 0xad, 255]);
    // The logo mark, 128 px, left of the name.
    expect(pixel(110, 270)).toEqual([0x0b, 0x5c, 0xad, 255]);
  });

  it('warns when a headline has to be cut', async () => {
    const { warnings } = await render({
      kind: 'article',
      card: { id: 'x', kicker: 'News', headline: 'word '.repeat(60), distro: 'Debian', dateLabel: '1 May 2024' },
    });
    expect(warnings).toEqual(['headline cut to 4 lines on its social image']);
  });

  it('draws every icon at its size', () => {
    const icons = drawIcons(favicon, markUri);
    expect(icons.map((i) => i.file)).toEqual([...ICONS.map((i) => i.file), FAVICON_FILE]);
    ICONS.forEach((spec, i) => expect(pngSize(icons[i]!.data)).toEqual({ width: spec.size, height: spec.size }));
  });
});
