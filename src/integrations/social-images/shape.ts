/**
 * Shaping with HarfBuzz: a line of text becomes glyphs with positions (kerning, ligatures, marks, and the scripts
 * that need more than one glyph per character). The line is cut into runs of one font each (the first font of the
 * weight that has the character, as fontsFor orders them); a character no font has is shaped with the first font,
 * which draws its "missing glyph" box.
 */
import { Buffer as HbBuffer, shape } from 'harfbuzzjs';
import type { FontSet, LoadedFont, Weight } from './fonts.ts';
import { graphemes } from './text.ts';

export interface PlacedGlyph {
  font: LoadedFont;
  glyph: number;
  /** Pen position in pixels from the start of the line, and offset above the baseline (y up). */
  x: number;
  y: number;
}

export interface ShapedLine {
  glyphs: PlacedGlyph[];
  /** Advance of the whole line in pixels, letter spacing included. */
  width: number;
}

const IGNORABLE = /^[\s\p{Cc}\p{Cf}\p{M}\uFE00-\uFE0F]/u;

// One buffer per worker, emptied before each run: creating buffers costs more than shaping short runs.
let buffer: HbBuffer | undefined;

/** Shapes a line set at `size` pixels, with `letterSpacing` em added after each character (as CSS does). */
export function shapeLine(fonts: FontSet, text: string, weight: Weight, size: number, letterSpacing = 0): ShapedLine {
  const first = fonts.fonts.find((f) => f.weight === weight) ?? fonts.fonts[0];
  if (!first) throw new Error(`no font loaded for "${text}"`);
  // Runs of graphemes set in the same font; white space and marks stay in the font before them.
  const runs: Array<{ font: LoadedFont; text: string }> = [];
  for (const g of graphemes(text)) {
    const previous = runs.at(-1);
    const font = IGNORABLE.test(g) && previous ? previous.font : (fonts.fontFor(g.codePointAt(0)!, weight) ?? first);
    if (previous?.font === font) previous.text += g;
    else runs.push({ font, text: g });
  }
  buffer ??= new HbBuffer();
  const glyphs: PlacedGlyph[] = [];
  const spacing = letterSpacing * size;
  let pen = 0;
  for (const run of runs) {
    const scale = size / run.font.unitsPerEm;
    buffer.clearContents();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    shape(run.font.hb, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    for (let i = 0; i < infos.length; i++) {
      const pos = positions[i]!;
      glyphs.push({ font: run.font, glyph: infos[i]!.codepoint, x: pen + pos.xOffset * scale, y: pos.yOffset * scale });
      pen += pos.xAdvance * scale;
      // Letter spacing goes after each cluster (a ligature or a base with its marks counts once per glyph here).
      if (spacing !== 0 && infos[i + 1]?.cluster !== infos[i]!.cluster) pen += spacing;
    }
  }
  return { glyphs, width: pen };
}
