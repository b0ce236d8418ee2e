/** Binary containers the social images deal with, pure and without I/O: PNG headers, ICO files and WOFF fonts. */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * An ICO file holding PNG images (supported by every browser since IE 11 / Windows Vista): a 6-byte ICONDIR, one
 * 16-byte ICONDIRENTRY per image, then the PNG files as they are. All numbers little-endian; 256 px is stored as 0.
 */
export function icoFromPngs(pngs: readonly Uint8Array[]): Uint8Array {
  if (pngs.length === 0 || pngs.length > 0xffff) throw new Error('an ICO file holds 1 to 65535 images');
  const headerSize = 6 + 16 * pngs.length;
  const total = headerSize + pngs.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type 1 = icon
  view.setUint16(4, pngs.length, true);
  let offset = headerSize;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`ICO images are at most 256×256, got ${width}×${height}`);
    const entry = 6 + 16 * i;
    view.setUint8(entry, width === 256 ? 0 : width);
    view.setUint8(entry + 1, height === 256 ? 0 : height);
    view.setUint8(entry + 2, 0); // palette colours: none
    view.setUint8(entry + 3, 0); // reserved
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

/**
 * Unpacks a WOFF 1.0 font into the TrueType/OpenType file it wraps (tables inflated with `inflate`, zlib), so that
 * each font is decompressed once instead of by every library that reads it. Anything else is returned unchanged.
 */
export function woffToSfnt(woff: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || src.getUint32(0) !== 0x774f4646 /* wOFF */) return woff;
  const numTables = src.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + 20 * i;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => src.getUint32(at + o)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const packed = woff.subarray(offset, offset + compLength);
    if (packed.length !== compLength) throw new Error('truncated WOFF table');
    const data = compLength < origLength ? inflate(packed) : packed;
    if (data.length !== origLength) throw new Error('WOFF table does not inflate to its declared length');
    return { tag, checksum, data };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + tables.reduce((n, t) => n + pad4(t.data.length), 0));
  const dst = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(Math.max(1, numTables)));
  dst.setUint32(0, src.getUint32(4)); // flavor: the sfnt version
  dst.setUint16(4, numTables);
  dst.setUint16(6, 16 * 2 ** log2); // searchRange
  dst.setUint16(8, log2); // entrySelector
  dst.setUint16(10, 16 * numTables - 16 * 2 ** log2); // rangeShift
  let offset = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    dst.setUint32(rec, t.tag);
    dst.setUint32(rec + 4, t.checksum);
    dst.setUint32(rec + 8, offset);
    dst.setUint32(rec + 12, t.data.length);
    out.set(t.data, offset);
    offset += pad4(t.data.length);
  });
  return out;
}

/** A PNG chunk: length, type, data and the CRC-32 of type and data (`crc32` as zlib computes it). */
function pngChunk(type: string, data: Uint8Array, crc32: (data: Uint8Array) => number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A PNG file of opaque 8-bit RGBA pixels (as resvg renders a social card) as truecolour without alpha; undefined
 * when any pixel is not fully opaque, or on a big-endian host (resvg's pixels are premultiplied, which only opaque pixels do not notice: let
 * resvg encode those). Rows carry no filter (type 0): a card is mostly flat areas, which deflate packs well
 * unfiltered, and filtering costs more CPU than the bytes it saves. `deflate` and `crc32` come from zlib (injected,
 * as for woffToSfnt).
 */
export function encodeOpaquePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  deflate: (data: Uint8Array) => Uint8Array,
  crc32: (data: Uint8Array) => number,
): Uint8Array | undefined {
  if (rgba.length !== width * height * 4)
    throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  // Whole pixels read as little-endian 32-bit words (R in the low byte): about 2.5× faster than byte by byte.
  if (!LITTLE_ENDIAN || rgba.byteOffset % 4 !== 0) return undefined;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const stride = width * 3 + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0, p = 0; y < height; y++) {
    let d = y * stride + 1; // raw[y * stride] stays 0: filter type None
    for (let x = 0; x < width; x++, p++, d += 3) {
      const v = pixels[p]!;
      if (v >>> 24 !== 255) return undefined;
      raw[d] = v & 255;
      raw[d + 1] = (v >>> 8) & 255;
      raw[d + 2] = (v >>> 16) & 255;
    }
  }
  return pngFile(width, height, 2, [], deflate(raw), crc32);
}

/** Signature, IHDR (8 bits per sample, colour type as given), the chunks before the image data, IDAT and IEND. */
function pngFile(
  width: number,
  height: number,
  colourType: 2 | 3,
  before: Array<[string, Uint8Array]>,
  idat: Uint8Array,
  crc32: (data: Uint8Array) => number,
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per sample (per palette index for type 3)
  header[9] = colourType; // compression, filter method and interlace stay 0
  const parts = [
    new Uint8Array(PNG_SIGNATURE),
    pngChunk('IHDR', header, crc32),
    ...before.map(([type, data]) => pngChunk(type, data, crc32)),
    pngChunk('IDAT', idat, crc32),
    pngChunk('IEND', new Uint8Array(0), crc32),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * A PNG file of an 8-bit palette image (colour type 3). `rows` is the image data before compression: each row a
 * filter byte (0) and one palette index per pixel, as the compositor keeps its canvas (raster.ts); `palette` holds
 * the RGB triplets of up to 256 colours (the compositor writes only indices it took from its palette).
 */
export function encodePalettePng(
  rows: Uint8Array,
  width: number,
  height: number,
  palette: Uint8Array,
  deflate: (data: Uint8Array) => Uint8Array,
  crc32: (data: Uint8Array) => number,
): Uint8Array {
  if (rows.length !== (width + 1) * height)
    throw new Error(`expected ${(width + 1) * height} bytes of rows, got ${rows.length}`);
  const colours = palette.length / 3;
  if (!Number.isInteger(colours) || colours < 1 || colours > 256)
    throw new Error(`a PNG palette holds 1 to 256 RGB colours, got ${palette.length} bytes`);
  for (let y = 0; y < height; y++) {
    if (rows[y * (width + 1)] !== 0) throw new Error(`row ${y} does not start with filter type 0`);
  }
  return pngFile(width, height, 3, [['PLTE', palette]], deflate(rows), crc32);
}
