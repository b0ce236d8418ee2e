/**
 * Text on social images, pure and without I/O: which CJK font a text needs, where a headline may break, and the size
 * and lines it is set in so that it fits the card.
 */

export type CjkFont = 'sc' | 'jp' | 'kr';

// Script_Extensions, so that CJK punctuation (、。「」), the prolonged sound mark (ー) and iteration marks count.
const KANA = /[\p{scx=Hiragana}\p{scx=Katakana}]/u;
const HANGUL = /\p{scx=Hangul}/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\uFF00-\uFFEF]/u;

/** Whether a text has any Chinese, Japanese or Korean character (including CJK punctuation and full-width forms). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * The CJK font family a text should be set in, or null when it has no CJK character. Hangul means Korean and kana
 * means Japanese; Han characters alone are set in Simplified Chinese. The other families still serve as fallbacks
 * for characters the preferred one lacks, so this only decides the glyph shapes shared characters take.
 */
export function preferredCjk(text: string): CjkFont | null {
  if (HANGUL.test(text)) return 'kr';
  if (KANA.test(text)) return 'jp';
  return CJK.test(text) ? 'sc' : null;
}

/** CJK font families in the order to try them for a text: the preferred one first. */
export function cjkFallbackOrder(text: string): CjkFont[] {
  const first = preferredCjk(text) ?? 'sc';
  return [first, ...(['sc', 'jp', 'kr'] as const).filter((f) => f !== first)];
}

// ---------------------------------------------------------------------------------------------------------------
// Line breaking: spaces, hyphens inside words, and between Chinese/Japanese characters (Korean wraps at spaces, like
// CSS word-break: keep-all), with the basic kinsoku rules: no line starts with closing punctuation or a small kana,
// no line ends with opening punctuation.

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const BREAK_AROUND = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}]/u;
const NO_BREAK_BEFORE = new Set([
  ...'、。，．,.:;!?！？：；)]}）］｝」』】〕〉》〙〗〟’”ー々〻…‥・%％',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
]);
const NO_BREAK_AFTER = new Set([...'([{（［｛「『【〔〈《〘〖〝‘“']);
const LETTER = /\p{L}/u;

export const graphemes = (text: string): string[] => Array.from(GRAPHEMES.segment(text), (s) => s.segment);

/** Whether a line may break between g[i - 1] and g[i]. */
function canBreakBefore(g: readonly string[], i: number): boolean {
  const before = g[i - 1]!;
  const after = g[i]!;
  if (NO_BREAK_BEFORE.has(after) || NO_BREAK_AFTER.has(before)) return false;
  if (BREAK_AROUND.test(before) || BREAK_AROUND.test(after)) return true;
  // After a hyphen between words: "ABI-|compatible", never "x86-64-v2", "9.4-rc1" or "RISC-V".
  if (before === '-' || before === '\u2010') {
    return [g[i - 2], after, g[i + 1]].every((c) => c !== undefined && LETTER.test(c));
  }
  return before === '\u2014' || before === '\u2013'; // after an em or en dash
}

/** An unbreakable run of text, and whether a space follows it. */
export interface Unit {
  text: string;
  spaceAfter: boolean;
}

/** Splits a text into the runs a line may not break inside. Runs of white space collapse to one space. */
export function breakUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let current = '';
  const flush = (spaceAfter: boolean) => {
    if (current) units.push({ text: current, spaceAfter });
    else if (spaceAfter && units.length > 0) units[units.length - 1]!.spaceAfter = true;
    current = '';
  };
  const g = graphemes(text.normalize('NFC').trim());
  for (let i = 0; i < g.length; i++) {
    if (/^\s+$/u.test(g[i]!)) {
      flush(true);
      continue;
    }
    if (current && canBreakBefore(g, i)) flush(false);
    current += g[i];
  }
  flush(false);
  return units;
}

/** Width in pixels of a text set at the size the caller has in mind. */
export type Measure = (text: string) => number;

/**
 * Greedy line filling: as many runs on a line as fit in maxWidth. A run wider than a line on its own is broken
 * between characters (CSS overflow-wrap: anywhere), so no line is ever wider than maxWidth unless one character is.
 */
export function wrapUnits(units: readonly Unit[], measure: Measure, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  let spaceBefore = false;
  for (const unit of units) {
    const joined = line + (spaceBefore ? ' ' : '') + unit.text;
    if (line && measure(joined) <= maxWidth) {
      line = joined;
    } else {
      if (line) lines.push(line);
      line = '';
      if (measure(unit.text) <= maxWidth) {
        line = unit.text;
      } else {
        for (const g of graphemes(unit.text)) {
          if (line && measure(line + g) > maxWidth) {
            lines.push(line);
            line = g;
          } else {
            line += g;
          }
        }
      }
    }
    spaceBefore = unit.spaceAfter;
  }
  if (line) lines.push(line);
  return lines;
}

export function wrapText(text: string, measure: Measure, maxWidth: number): string[] {
  return wrapUnits(breakUnits(text), measure, maxWidth);
}

/**
 * Like CSS text-wrap: balance (which the site's headings use): the narrowest width, down to 1 px, that still wraps
 * into as many lines as maxWidth does, so that the last line is not left with one short word.
 */
export function balanceUnits(units: readonly Unit[], measure: Measure, maxWidth: number): string[] {
  const lines = wrapUnits(units, measure, maxWidth);
  if (lines.length < 2) return lines;
  // Never narrower than the widest unbreakable run: that would break inside a word.
  let lo = Math.max(...units.map((u) => measure(u.text)));
  let hi = maxWidth;
  if (lo >= hi) return lines;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (wrapUnits(units, measure, mid).length > lines.length) lo = mid;
    else hi = mid;
  }
  return wrapUnits(units, measure, hi);
}

export interface FitOptions {
  /** Width and height of the headline box, in pixels. */
  width: number;
  height: number;
  /** Candidate font sizes in pixels, largest first. */
  sizes: readonly number[];
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  maxLines: number;
}

export interface FittedHeadline {
  fontSize: number;
  lines: string[];
  /** True when even the smallest size needed more lines: the last line then ends with an ellipsis. */
  truncated: boolean;
}

/** Lines that fit a box of this height at this size, capped at maxLines. */
export const linesAt = (size: number, o: FitOptions): number =>
  Math.max(1, Math.min(o.maxLines, Math.floor(o.height / (size * o.lineHeight))));

/**
 * Sets a headline at the largest candidate size whose wrapped lines fit the box, with balanced lines; a headline too
 * long even at the smallest size is cut at the last line that fits, with an ellipsis. `measure(text, fontSize)`
 * gives widths.
 */
export function fitHeadline(
  text: string,
  measure: (text: string, fontSize: number) => number,
  o: FitOptions,
): FittedHeadline {
  if (o.sizes.length === 0) throw new Error('fitHeadline: no candidate font sizes');
  const units = breakUnits(text);
  for (const fontSize of o.sizes) {
    const atSize = (s: string) => measure(s, fontSize);
    if (wrapUnits(units, atSize, o.width).length <= linesAt(fontSize, o)) {
      return { fontSize, lines: balanceUnits(units, atSize, o.width), truncated: false };
    }
  }
  const fontSize = o.sizes[o.sizes.length - 1]!;
  const fit = (s: string) => measure(s, fontSize) <= o.width;
  const lines = wrapUnits(units, (s) => measure(s, fontSize), o.width).slice(0, linesAt(fontSize, o));
  let last = graphemes(lines.at(-1) ?? '');
  while (last.length > 0 && !fit(`${last.join('').trimEnd()}…`)) last = last.slice(0, -1);
  lines[lines.length - 1] = `${last.join('').trimEnd()}…`;
  return { fontSize, lines, truncated: true };
}
