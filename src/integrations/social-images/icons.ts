/** The touch, PWA and favicon icons, drawn from public/favicon.svg. */
import { DomUtils, parseDocument } from 'htmlparser2';
import { icoFromPngs } from './binary.ts';
import { COLOR } from './cards.ts';
import { rasterise } from './render.ts';

interface IconSpec {
  size: number;
  /** Fill the whole square with the tile colour (no transparent corners). */
  bleed: boolean;
  /** Size of the mark relative to the icon. */
  scale: number;
}

export const ICONS: ReadonlyArray<IconSpec & { file: string }> = [
  // iOS masks the corners itself and shows transparency as black: full bleed.
  { file: 'apple-touch-icon.png', size: 180, bleed: true, scale: 1 },
  { file: 'icon-192.png', size: 192, bleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, bleed: false, scale: 1 },
  // Maskable: full bleed, the mark inside the central 80 % safe zone.
  { file: 'icon-maskable-512.png', size: 512, bleed: true, scale: 0.8 },
];
export const FAVICON_FILE = 'favicon.ico';

function iconSvg(markUri: string, background: string, { size, bleed, scale }: IconSpec): string {
  const inner = size * scale;
  const offset = (size - inner) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    (bleed ? `<rect width="${size}" height="${size}" fill="${background}"/>` : '') +
    `<image href="${markUri}" x="${offset}" y="${offset}" width="${inner}" height="${inner}"/></svg>`
  );
}

/** Every icon file name with its PNG (or ICO) bytes. */
export function drawIcons(faviconSvg: string, markUri: string): Array<{ file: string; data: Uint8Array }> {
  // The colour of the mark's tile, for the full-bleed icons.
  const svgDoc = parseDocument(faviconSvg, { xmlMode: true });
  const background = DomUtils.findOne((e) => e.name === 'rect', svgDoc.children)?.attribs.fill ?? COLOR.accent;
  const icons = ICONS.map((icon) => ({
    file: icon.file,
    data: rasterise(iconSvg(markUri, background, icon), icon.size, icon.size),
  }));
  const ico32 = rasterise(iconSvg(markUri, background, { size: 32, bleed: false, scale: 1 }), 32, 32);
  return [...icons, { file: FAVICON_FILE, data: icoFromPngs([ico32]) }];
}
