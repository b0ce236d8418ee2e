/**
 * Fonts for the social images, never from the network: Noto Sans from its @fontsource package, and Noto Sans SC,
 * JP and KR at weight 700 from cjk-fonts/ (why: cjk-fonts/README.md). Each weight is cut into unicode-range
 * subsets (WOFF, unpacked here: HarfBuzz reads TrueType, not WOFF), and unicode.json maps subset names to the code
 * points they hold, so a card loads only the subsets its characters need. Each file is opened once per worker with
 * HarfBuzz (harfbuzzjs), which gives the glyphs, advances, kerning and outlines.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { Blob as HbBlob, Face as HbFace, Font as HbFont } from 'harfbuzzjs';
import { woffToSfnt } from './binary.ts';
import { graphemes, type CjkFont } from './text.ts';

export type Weight = 400 | 600 | 700 | 800;

export interface Family {
  id: string;
  /** Directory holding unicode.json and files/. */
  dir: string;
  cjk?: CjkFont;
  /** The one weight shipped, used for every requested weight; all weights when absent. */
  onlyWeight?: Weight;
}

const fontsource = (pkg: string) => dirname(createRequire(import.meta.url).resolve(pkg)); // the package's index.css
const vendored = (id: string) => fileURLToPath(new URL(`./cjk-fonts/${id}/`, import.meta.url));

export const FAMILIES: readonly Family[] = [
  { id: 'noto-sans', dir: fontsource('@fontsource/noto-sans') },
  { id: 'noto-sans-sc', dir: vendored('noto-sans-sc'), cjk: 'sc', onlyWeight: 700 },
  { id: 'noto-sans-jp', dir: vendored('noto-sans-jp'), cjk: 'jp', onlyWeight: 700 },
  { id: 'noto-sans-kr', dir: vendored('noto-sans-kr'), cjk: 'kr', onlyWeight: 700 },
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

export interface LoadedFont {
  subset: Subset;
  weight: Weight;
  /** Family, subset and cut: names the font in glyph caches. */
  name: string;
  /** At its design size: advances, extents and outlines come in font units. */
  hb: HbFont;
  unitsPerEm: number;
}

function parseRanges(list: string): Array<[number, number]> {
  return list.split(',').map((part) => {
    const [a, b = a] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [Number.parseInt(a, 16), Number.parseInt(b, 16)];
  });
}

export class FontBook {
  private readonly subsets = new Map<string, Subset[]>();
  private readonly lookups = new Map<string, Subset | null>();
  private readonly files = new Map<string, Promise<{ hb: HbFont; unitsPerEm: number }>>();

  constructor(families: readonly Family[] = FAMILIES) {
    for (const family of families) {
      const { dir } = family;
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
    const cut = subset.family.onlyWeight ?? weight;
    const file = join(subset.dir, 'files', `${subset.family.id}-${subset.key}-${cut}-normal.woff`);
    let entry = this.files.get(file);
    if (!entry) {
      entry = readFile(file).then((woff) => {
        const face = new HbFace(new HbBlob(woffToSfnt(woff, inflateSync)));
        if (face.upem === 0) throw new Error(`${file} is not a font HarfBuzz can read`);
        return { hb: new HbFont(face), unitsPerEm: face.upem };
      });
      this.files.set(file, entry);
    }
    const { hb, unitsPerEm } = await entry;
    return { subset, weight, name: `${subset.family.id}-${subset.key}-${cut}`, hb, unitsPerEm };
  }
}

export interface TextRun {
  text: string;
  weight: Weight;
}

export interface FontSet {
  /** In fallback order: each character comes from the first font of its weight that has it. */
  fonts: LoadedFont[];
  /** The font a character is drawn with at a weight, undefined when none has it. */
  fontFor: (cp: number, weight: Weight) => LoadedFont | undefined;
  /** Characters no shipped font has (they would render as boxes). */
  missing: string[];
  /** Width of a text at a size and weight, from the same fonts in the same order, letter spacing in em. */
  measure: (text: string, fontSize: number, weight: Weight, letterSpacing?: number) => number;
}

const IGNORABLE = /[\s\p{Cc}\p{Cf}\p{M}\uFE00-\uFE0F]/u;

/** Loads the subsets that the runs need: Noto Sans first, then the CJK families in the order the text prefers. */
export async function fontsFor(book: FontBook, runs: readonly TextRun[], cjkOrder: CjkFont[]): Promise<FontSet> {
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
  const fontFor = (cp: number, weight: Weight) =>
    byWeight.get(weight)?.find((f) => f.hb.nominalGlyph(cp) !== undefined);
  const missing = [
    ...new Set(needed.filter(({ ch, weight }) => !fontFor(ch.codePointAt(0)!, weight)).map((n) => n.ch)),
  ];
  // Headline balancing measures the same prefixes many times over: remember widths in em per text and weight.
  const ems = new Map<string, number>();
  const measure = (text: string, fontSize: number, weight: Weight, letterSpacing = 0) => {
    const key = `${weight} ${letterSpacing} ${text}`;
    const known = ems.get(key);
    if (known !== undefined) return known * fontSize;
    let em = 0;
    for (const g of graphemes(text)) {
      const cp = g.codePointAt(0)!;
      const font = fontFor(cp, weight);
      // Unknown characters count a full em: too wide is safe (they are drawn as the font's box, narrower).
      em += (font ? font.hb.glyphHAdvance(font.hb.nominalGlyph(cp)!) / font.unitsPerEm : 1) + letterSpacing;
    }
    ems.set(key, em);
    return em * fontSize;
  };
  return { fonts, fontFor, missing, measure };
}
