import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { create as parseFont, type Font as FontFace } from 'fontkitten';
import { DomUtils, parseDocument } from 'htmlparser2';
import satori, { type Font as SatoriFont } from 'satori';
import { SITE } from '../site.config.ts';
import { formatDate } from '../lib/dates.ts';
import {
  cjkFallbackOrder,
  fitHeadline,
  graphemes,
  icoFromPngs,
  mapLimit,
  pngSize,
  woffToSfnt,
  type CjkFont,
  type FitOptions,
} from '../lib/social-images.ts';

/**
 * Writes the social images and icons after `astro build`:
 * - dist/og/articles/<id>.png for every built article (1200×630: type, headline, main distribution, date, wordmark)
 * - dist/og/default.png, the image of every other page
 * - dist/apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png and favicon.ico from
 *   public/favicon.svg
 *
 * Articles are read back from the built HTML (an integration cannot query content collections). Text is set in Noto
 * Sans from @fontsource packages, never from the network; CJK subsets (Noto Sans SC, JP, KR) are loaded only for
 * the characters a card actually uses. satori turns the card into SVG, resvg into PNG. Any error fails the build.
 */

const CARD = { width: 1200, height: 630 } as const;
// Light palette of src/styles/tokens.css.
const COLOR = {
  bg: '#fcfcfa',
  raised: '#ffffff',
  text: '#1b1c1e',
  muted: '#50545c',
  border: '#d6d4ce',
  accent: '#0b5cad',
} as const;
const PAD_X = 80;
const HEADLINE: FitOptions & { weight: Weight; letterSpacing: number } = {
  width: CARD.width - 2 * PAD_X,
  height: 300,
  sizes: [76, 68, 60, 54, 48, 42],
  lineHeight: 1.16,
  maxLines: 4,
  weight: 700,
  letterSpacing: -0.01,
};
const CONCURRENCY = 2;
const RESVG: ResvgRenderOptions = { font: { loadSystemFonts: false }, logLevel: 'error' };

type Weight = 400 | 600 | 700 | 800;

// ---------------------------------------------------------------------------------------------------------------
// Fonts: @fontsource packages ship each weight cut into unicode-range subsets (WOFF next to WOFF2; satori reads
// WOFF). unicode.json in each package maps subset names to the code points they hold.

interface Family {
  id: string;
  pkg: string;
  cjk?: CjkFont;
}
const FAMILIES: Family[] = [
  { id: 'noto-sans', pkg: '@fontsource/noto-sans' },
  { id: 'noto-sans-sc', pkg: '@fontsource/noto-sans-sc', cjk: 'sc' },
  { id: 'noto-sans-jp', pkg: '@fontsource/noto-sans-jp', cjk: 'jp' },
  { id: 'noto-sans-kr', pkg: '@fontsource/noto-sans-kr', cjk: 'kr' },
];

interface Subset {
  family: Family;
  /** e.g. "latin" or "119" */
  key: string;
  /** Priority inside the family. */
  rank: number;
  ranges: Array<[number, number]>;
  dir: string;
}

interface LoadedFont {
  subset: Subset;
  weight: Weight;
  name: string;
  data: Buffer;
  face: FontFace;
}

function parseRanges(list: string): Array<[number, number]> {
  return list.split(',').map((part) => {
    const [a, b = a] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [Number.parseInt(a, 16), Number.parseInt(b, 16)];
  });
}

class FontBook {
  private readonly subsets = new Map<string, Subset[]>();
  private readonly lookups = new Map<string, Subset | null>();
  private readonly files = new Map<string, Promise<{ data: Buffer; face: FontFace }>>();

  constructor(families: Family[]) {
    const require = createRequire(import.meta.url);
    for (const family of families) {
      const dir = dirname(require.resolve(family.pkg)); // the package's index.css
      const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
      const keys = Object.keys(unicode).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'));
      this.subsets.set(
        family.id,
        keys.map((k, rank) => ({ family, key: k.replace(/[[\]]/g, ''), rank, ranges: parseRanges(unicode[k]!), dir })),
      );
    }
  }

  /** The first subset of a family that holds a code point. */
  subsetFor(family: Family, cp: number): Subset | null {
    const memo = `${family.id}:${cp}`;
    let found = this.lookups.get(memo);
    if (found === undefined) {
      found = this.subsets.get(family.id)!.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b)) ?? null;
      this.lookups.set(memo, found);
    }
    return found;
  }

  /** Loads (once) and parses one subset file at one weight. */
  async load(subset: Subset, weight: Weight): Promise<LoadedFont> {
    const file = join(subset.dir, 'files', `${subset.family.id}-${subset.key}-${weight}-normal.woff`);
    let entry = this.files.get(file);
    if (!entry) {
      entry = readFile(file).then((woff) => {
        // Inflated once here rather than by satori (twice) and by fontkitten.
        const data = Buffer.from(woffToSfnt(woff, inflateSync));
        const face = parseFont(data);
        if (face.isCollection) throw new Error(`${file} is a font collection`);
        return { data, face };
      });
      this.files.set(file, entry);
    }
    const { data, face } = await entry;
    return { subset, weight, name: `${subset.family.id}-${subset.key}`, data, face };
  }
}

interface TextRun {
  text: string;
  weight: Weight;
}

interface FontSet {
  /** In fallback order: satori takes each character from the first font that has it. */
  fonts: LoadedFont[];
  /** Characters no shipped font has (they would render as boxes). */
  missing: string[];
  /** Width of a text at a size and weight, from the same fonts in the same order, letter spacing in em. */
  measure: (text: string, fontSize: number, weight: Weight, letterSpacing?: number) => number;
}

const IGNORABLE = /[\s\p{Cc}\p{Cf}\p{M}\uFE00-\uFE0F]/u;

/** Loads the subsets that the runs need: Noto Sans first, then the CJK families in the order the text prefers. */
async function fontsFor(book: FontBook, runs: TextRun[], cjkOrder: CjkFont[]): Promise<FontSet> {
  const families = [FAMILIES[0]!, ...cjkOrder.map((c) => FAMILIES.find((f) => f.cjk === c)!)];
  const wanted = new Map<string, { subset: Subset; weight: Weight }>();
  const needed: Array<{ ch: string; weight: Weight }> = [];
  for (const { text, weight } of runs) {
    for (const ch of new Set(Array.from(text))) {
      if (IGNORABLE.test(ch)) continue;
      needed.push({ ch, weight });
      const cp = ch.codePointAt(0)!;
      for (const family of families) {
        const subset = book.subsetFor(family, cp);
        if (subset) {
          wanted.set(`${subset.family.id}-${subset.key}@${weight}`, { subset, weight });
          break;
        }
      }
    }
  }
  const familyRank = (s: Subset) => families.indexOf(s.family);
  const fonts = (await Promise.all([...wanted.values()].map(({ subset, weight }) => book.load(subset, weight)))).sort(
    (a, b) => familyRank(a.subset) - familyRank(b.subset) || a.subset.rank - b.subset.rank || a.weight - b.weight,
  );
  const byWeight = new Map<Weight, LoadedFont[]>();
  for (const f of fonts) byWeight.set(f.weight, [...(byWeight.get(f.weight) ?? []), f]);
  const faceFor = (cp: number, weight: Weight) =>
    byWeight.get(weight)?.find((f) => f.face.hasGlyphForCodePoint(cp))?.face;
  const missing = [
    ...new Set(needed.filter(({ ch, weight }) => !faceFor(ch.codePointAt(0)!, weight)).map((n) => n.ch)),
  ];
  const measure = (text: string, fontSize: number, weight: Weight, letterSpacing = 0) => {
    let em = 0;
    for (const g of graphemes(text)) {
      const cp = g.codePointAt(0)!;
      const face = faceFor(cp, weight);
      // Unknown characters count a full em: too wide is safe, too narrow would let satori re-wrap the line.
      em += (face ? face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm : 1) + letterSpacing;
    }
    return em * fontSize;
  };
  return { fonts, missing, measure };
}

const forSatori = (set: FontSet): SatoriFont[] =>
  set.fonts.map((f) => ({ name: f.name, data: f.data, weight: f.weight, style: 'normal' }));

// ---------------------------------------------------------------------------------------------------------------
// Cards, as the element objects satori takes in place of JSX.

interface El {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<El | string> | El | string; [k: string]: unknown };
}
const el = (type: string, style: Record<string, unknown>, children?: El['props']['children'], extra = {}): El => ({
  type,
  props: { style, children, ...extra },
});

const logo = (markUri: string, size: number) =>
  el('img', { width: size, height: size }, undefined, { src: markUri, width: size, height: size });

function brand(markUri: string, size: number, fontSize: number): El {
  return el('div', { display: 'flex', alignItems: 'center', gap: Math.round(size * 0.32) }, [
    logo(markUri, size),
    el('div', { fontSize, fontWeight: 800, letterSpacing: '-0.02em', color: COLOR.text }, SITE.name),
  ]);
}

const accentBar = () =>
  el('div', { position: 'absolute', left: 0, right: 0, bottom: 0, height: 14, background: COLOR.accent });

interface ArticleCard {
  id: string;
  headline: string;
  type: string;
  date: Date;
  distro: string;
}

function articleCard(a: ArticleCard, fit: { fontSize: number; lines: string[] }, markUri: string): El {
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      padding: `56px ${PAD_X}px 62px`,
      background: COLOR.bg,
      color: COLOR.text,
      position: 'relative',
    },
    [
      brand(markUri, 56, 40),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', gap: 18 }, [
        // The kicker, as on the article page.
        el(
          'div',
          { fontSize: 26, fontWeight: 700, letterSpacing: '0.08em', color: COLOR.accent },
          a.type.toUpperCase(),
        ),
        el(
          'div',
          {
            display: 'flex',
            flexDirection: 'column',
            fontSize: fit.fontSize,
            fontWeight: HEADLINE.weight,
            lineHeight: HEADLINE.lineHeight,
            letterSpacing: `${HEADLINE.letterSpacing}em`,
          },
          // Lines broken here, with the real font metrics; satori must not re-wrap them.
          fit.lines.map((line) => el('div', { whiteSpace: 'pre' }, line)),
        ),
      ]),
      el('div', { display: 'flex', alignItems: 'center', gap: 24, fontSize: 26 }, [
        // The first distribution tag, styled like the tags on the article page (imported articles may have none).
        ...(a.distro
          ? [
              el(
                'div',
                {
                  fontWeight: 600,
                  padding: '8px 22px',
                  borderRadius: 999,
                  border: `2px solid ${COLOR.border}`,
                  background: COLOR.raised,
                },
                a.distro,
              ),
            ]
          : []),
        el('div', { fontWeight: 400, color: COLOR.muted }, formatDate(a.date)),
      ]),
      accentBar(),
    ],
  );
}

function defaultCard(markUri: string): El {
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'center',
      gap: 36,
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      padding: `0 ${PAD_X + 20}px`,
      background: COLOR.bg,
      position: 'relative',
    },
    [
      brand(markUri, 128, 104),
      el('div', { fontSize: 40, fontWeight: 400, color: COLOR.muted }, SITE.tagline),
      accentBar(),
    ],
  );
}

async function renderPng(tree: El, fonts: SatoriFont[]): Promise<Buffer> {
  // satori's types ask for a ReactNode; plain { type, props } objects are what it reads.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...CARD, fonts });
  const png = (await renderAsync(svg, RESVG)).asPng();
  const size = pngSize(png);
  if (size.width !== CARD.width || size.height !== CARD.height) {
    throw new Error(`rendered ${size.width}×${size.height}, expected ${CARD.width}×${CARD.height}`);
  }
  return png;
}

// ---------------------------------------------------------------------------------------------------------------
// Articles, read back from the built pages.

const hasClass = (node: { attribs?: Record<string, string> }, name: string) =>
  (node.attribs?.class ?? '').split(/\s+/).includes(name);

/** The card data of a built article page, or null when the page is not an article (og:type other than article). */
export function readArticle(html: string, id: string): ArticleCard | null {
  const doc = parseDocument(html);
  const meta = (attr: 'property' | 'name', key: string) =>
    DomUtils.findOne((e) => e.name === 'meta' && e.attribs[attr] === key, doc.children)?.attribs.content;
  if (meta('property', 'og:type') !== 'article') return null;
  const head = DomUtils.findOne((e) => hasClass(e, 'article-head'), doc.children);
  const kicker = head && DomUtils.findOne((e) => hasClass(e, 'kicker'), head.children);
  const tags = head && DomUtils.findOne((e) => e.name === 'ul' && hasClass(e, 'tags'), head.children);
  const firstTag = tags && DomUtils.findOne((e) => e.name === 'a', tags.children);
  const published = meta('property', 'article:published_time');
  const fields = {
    'meta og:title': meta('property', 'og:title')?.trim(),
    'meta article:published_time': published,
    '.article-head .kicker': kicker && DomUtils.textContent(kicker).trim(),
    '.article-head .tags a': firstTag && DomUtils.textContent(firstTag).trim(),
  };
  const absent = Object.entries(fields)
    // Imported articles may have no tags yet (relaxed policy, src/lib/imported.ts).
    .filter(([k, v]) => !v && k !== '.article-head .tags a')
    .map(([k]) => k);
  if (absent.length > 0) throw new Error(`not found in the built page: ${absent.join(', ')}`);
  const date = new Date(published!);
  if (Number.isNaN(date.getTime())) throw new Error(`article:published_time "${published}" is not a date`);
  return {
    id,
    headline: fields['meta og:title']!,
    type: fields['.article-head .kicker']!,
    date,
    distro: fields['.article-head .tags a'] ?? '',
  };
}

/** Ids of the built pages under dist/articles/ (nested ids keep their slashes). */
function articlePages(outDir: string): Array<{ id: string; file: string }> {
  const root = join(outDir, 'articles');
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.endsWith(`${sep}index.html`))
    .map((e) => ({ id: dirname(e).split(sep).join('/'), file: join(root, e) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Icons from public/favicon.svg.

interface IconSpec {
  size: number;
  /** Fill the whole square with the tile colour (no transparent corners). */
  bleed: boolean;
  /** Size of the mark relative to the icon. */
  scale: number;
}

const ICONS: Array<IconSpec & { file: string }> = [
  // iOS masks the corners itself and shows transparency as black: full bleed.
  { file: 'apple-touch-icon.png', size: 180, bleed: true, scale: 1 },
  { file: 'icon-192.png', size: 192, bleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, bleed: false, scale: 1 },
  // Maskable: full bleed, the mark inside the central 80 % safe zone.
  { file: 'icon-maskable-512.png', size: 512, bleed: true, scale: 0.8 },
];

function iconSvg(markUri: string, background: string, { size, bleed, scale }: IconSpec): string {
  const inner = size * scale;
  const offset = (size - inner) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    (bleed ? `<rect width="${size}" height="${size}" fill="${background}"/>` : '') +
    `<image href="${markUri}" x="${offset}" y="${offset}" width="${inner}" height="${inner}"/></svg>`
  );
}

function renderIcon(svg: string, size: number): Buffer {
  const png = new Resvg(svg, RESVG).render().asPng();
  const got = pngSize(png);
  if (got.width !== size || got.height !== size) {
    throw new Error(`rendered ${got.width}×${got.height}, expected ${size}×${size}`);
  }
  return png;
}

function writeIcons(outDir: string, faviconSvg: string, markUri: string): number {
  // The colour of the mark's tile, for the full-bleed icons.
  const svgDoc = parseDocument(faviconSvg, { xmlMode: true });
  const background = DomUtils.findOne((e) => e.name === 'rect', svgDoc.children)?.attribs.fill ?? COLOR.accent;
  for (const icon of ICONS) {
    writeFileSync(join(outDir, icon.file), renderIcon(iconSvg(markUri, background, icon), icon.size));
  }
  const ico32 = renderIcon(iconSvg(markUri, background, { size: 32, bleed: false, scale: 1 }), 32);
  writeFileSync(join(outDir, 'favicon.ico'), icoFromPngs([ico32]));
  return ICONS.length + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering. satori (layout, text to paths) and the PNG encoding run on the main thread, resvg's rasterising on
// libuv's thread pool (renderAsync): two images in flight keep both cores busy. (Worker threads were measured: they
// cost more CPU in total — each loads satori and its own fonts — and gained ~15 % at 180 images, nothing at 40.)

type Job = { kind: 'article'; card: ArticleCard; target: string } | { kind: 'default'; target: string };

function createRenderer(markUri: string) {
  const book = new FontBook(FAMILIES);
  return async (job: Job, warn: (message: string) => void): Promise<number> => {
    let png: Buffer;
    if (job.kind === 'default') {
      const runs: TextRun[] = [
        { text: SITE.name, weight: 800 },
        { text: SITE.tagline, weight: 400 },
      ];
      const fonts = await fontsFor(book, runs, cjkFallbackOrder(SITE.tagline));
      png = await renderPng(defaultCard(markUri), forSatori(fonts));
    } else {
      const { card } = job;
      const runs: TextRun[] = [
        { text: SITE.name, weight: 800 },
        { text: `${card.type}${card.type.toUpperCase()}`, weight: 700 },
        { text: card.headline, weight: HEADLINE.weight },
        { text: card.distro, weight: 600 },
        { text: formatDate(card.date), weight: 400 },
      ];
      const fonts = await fontsFor(book, runs, cjkFallbackOrder(runs.map((r) => r.text).join(' ')));
      if (fonts.missing.length > 0) {
        const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        const list = fonts.missing.map((c) => `${c} U+${hex(c)}`);
        warn(`no shipped font has ${list.join(', ')}: shown as a box on its social image`);
      }
      const fit = fitHeadline(
        card.headline,
        (text, size) => fonts.measure(text, size, HEADLINE.weight, HEADLINE.letterSpacing),
        HEADLINE,
      );
      if (fit.truncated) warn(`headline cut to ${fit.lines.length} lines on its social image`);
      png = await renderPng(articleCard(card, fit, markUri), forSatori(fonts));
    }
    await mkdir(dirname(job.target), { recursive: true });
    await writeFile(job.target, png);
    return png.length;
  };
}

/**
 * Rendered cards are cached by content: the same headline, type, date and distribution in the same design give the
 * same PNG, so a rebuild after editing one article renders one image. The key covers the card, the mark and the
 * code that draws it (this file and its pure helpers), so a design change invalidates every entry.
 */
function cardCache(cacheRoot: URL) {
  const dir = fileURLToPath(new URL('social-images/', cacheRoot));
  const code = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL('../lib/social-images.ts', import.meta.url))))
    .digest('hex');
  const pathFor = (job: Job, markUri: string) =>
    join(
      dir,
      `${createHash('sha256')
        .update(code)
        .update(markUri)
        .update(JSON.stringify(job.kind === 'article' ? job.card : 'default'))
        .digest('hex')}.png`,
    );
  return {
    async get(job: Job, markUri: string): Promise<Buffer | undefined> {
      try {
        return await readFile(pathFor(job, markUri));
      } catch {
        return undefined;
      }
    },
    async put(job: Job, markUri: string, png: Buffer): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeFile(pathFor(job, markUri), png);
    },
  };
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
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const faviconSvg = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
          const markUri = `data:image/svg+xml;base64,${Buffer.from(faviconSvg).toString('base64')}`;
          const icons = writeIcons(outDir, faviconSvg, markUri);

          const jobs: Job[] = [{ kind: 'default', target: join(outDir, 'og', 'default.png') }];
          for (const { id, file } of articlePages(outDir)) {
            try {
              const card = readArticle(readFileSync(file, 'utf8'), id);
              if (card) jobs.push({ kind: 'article', card, target: join(outDir, 'og', 'articles', `${id}.png`) });
            } catch (error) {
              throw new Error(`social image for article "${id}": ${(error as Error).message}`, { cause: error });
            }
          }
          const render = createRenderer(markUri);
          const cache = cardCache(cacheRoot!);
          let bytes = 0;
          let reused = 0;
          await mapLimit(jobs, CONCURRENCY, async (job) => {
            const name = job.kind === 'article' ? `article "${job.card.id}"` : 'the default image';
            try {
              const cached = await cache.get(job, markUri);
              let size: number;
              if (cached) {
                await mkdir(dirname(job.target), { recursive: true });
                await writeFile(job.target, cached);
                size = cached.length;
                reused++;
              } else {
                size = await render(job, (message) => logger.warn(`${name}: ${message}`));
                await cache.put(job, markUri, await readFile(job.target));
              }
              if (job.kind === 'article') bytes += size;
            } catch (error) {
              throw new Error(`social image for ${name} failed: ${(error as Error).message}`, { cause: error });
            }
          });
          logger.info(
            `wrote ${jobs.length - 1} social images (${Math.round(bytes / 1024)} kB, ${reused} of ${jobs.length} from cache), ` +
              `the default image and ${icons} icons in ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          // Leave nothing half-built behind for a deploy step to pick up.
          rmSync(outDir, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
