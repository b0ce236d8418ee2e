/**
 * The design of the social images: where each part of a 1200×630 card goes. An article card shows the wordmark, the
 * section kicker, the headline, the main distribution as a tag and the date; the default card shows the wordmark
 * and the tagline. The boxes follow CSS: a text's line box is its font's ascent plus descent ("line-height:
 * normal") unless a line height is given, centred in its row, with the baseline on a whole pixel. Pure: text fitting
 * and measuring happen before (the caller passes widths), drawing after (render.ts).
 */
import type { SocialCard } from '../../lib/social-card.ts';
import type { FitOptions } from './text.ts';
import type { TextRun, Weight } from './fonts.ts';

export const CARD = { width: 1200, height: 630 } as const;
// Light palette of src/styles/tokens.css.
export const COLOR = {
  bg: '#fcfcfa',
  raised: '#ffffff',
  text: '#1b1c1e',
  muted: '#50545c',
  border: '#d6d4ce',
  accent: '#0b5cad',
} as const;
const PAD_X = 80;
export const HEADLINE: FitOptions & { weight: Weight; letterSpacing: number } = {
  width: CARD.width - 2 * PAD_X,
  height: 300,
  sizes: [76, 68, 60, 54, 48, 42],
  lineHeight: 1.16,
  maxLines: 4,
  weight: 700,
  letterSpacing: -0.01,
};

/** The site's name and tagline, as the default card shows them. */
export interface Masthead {
  name: string;
  tagline: string;
}

/** Every text of an article card with the weight it is set in, for loading fonts before layout. */
export function articleRuns(card: SocialCard, siteName: string): TextRun[] {
  return [
    { text: siteName, weight: 800 },
    { text: `${card.kicker}${card.kicker.toUpperCase()}`, weight: 700 },
    { text: card.headline, weight: HEADLINE.weight },
    { text: card.distro, weight: 600 },
    { text: card.dateLabel, weight: 400 },
  ];
}

export function defaultRuns(site: Masthead): TextRun[] {
  return [
    { text: site.name, weight: 800 },
    { text: site.tagline, weight: 400 },
  ];
}

export type Ink = 'text' | 'accent' | 'muted';

/** One line of text: its left edge and baseline in pixels, and the background it is drawn on. */
export interface TextBox {
  text: string;
  size: number;
  weight: Weight;
  /** In em. */
  letterSpacing: number;
  x: number;
  baseline: number;
  ink: Ink;
  on: 'bg' | 'raised';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ascent and descent of the card's main font, in em (Noto Sans: 1.069 and 0.293). */
export interface LineMetrics {
  ascent: number;
  descent: number;
}

/** The fixed parts of a card: the logo mark and the accent bar along the bottom. */
export interface Frame {
  mark: Box;
  bar: Box;
}

const BAR: Box = { x: 0, y: CARD.height - 14, width: CARD.width, height: 14 };
const GAP_IN_BRAND = 0.32; // of the mark's size

// Heights of line boxes are whole pixels, as the layout engine satori used (Yoga) rounds them; so are the tops of
// boxes, which the layout below rounds where centring leaves half a pixel.

/** Height of a line box: the font's ascent plus descent ("normal"), or a line height in em. */
const lineBox = (size: number, m: LineMetrics, lineHeight?: number) =>
  Math.round(size * (lineHeight ?? m.ascent + m.descent));

/**
 * The baseline of a line whose box starts at the whole pixel `top`: the glyphs' own ascent + descent sit centred in
 * the line height (half-leading on each side), and the baseline falls on a whole pixel. `glyphs` are the metrics
 * of the font of the line's first character, which may differ from the main font's.
 */
const baselineAt = (top: number, size: number, glyphs: LineMetrics, lineHeight?: number) => {
  const content = size * (glyphs.ascent + glyphs.descent);
  const box = lineHeight === undefined ? content : size * lineHeight;
  return Math.floor(top + (box - content) / 2 + size * glyphs.ascent);
};

/** The wordmark: the logo mark and the site's name beside it, centred on one row. */
function brand(name: string, x: number, top: number, markSize: number, fontSize: number, m: LineMetrics) {
  const textHeight = lineBox(fontSize, m);
  const rowHeight = Math.max(markSize, textHeight);
  const mark: Box = { x, y: Math.round(top + (rowHeight - markSize) / 2), width: markSize, height: markSize };
  const text: TextBox = {
    text: name,
    size: fontSize,
    weight: 800,
    letterSpacing: -0.02,
    x: x + markSize + Math.round(markSize * GAP_IN_BRAND),
    baseline: baselineAt(Math.round(top + (rowHeight - textHeight) / 2), fontSize, m),
    ink: 'text',
    on: 'bg',
  };
  return { mark, text, rowHeight };
}

const PAD_TOP = 56;
const PAD_BOTTOM = 62;
const BRAND = { mark: 56, size: 40 } as const;
const KICKER = { size: 26, weight: 700, letterSpacing: 0.08, gapBelow: 18 } as const;
const FOOT = { size: 26, pillPadX: 22, pillPadY: 8, pillBorder: 2, gap: 24 } as const;

/** The fixed parts of an article card and its wordmark (the same on every card). */
export function articleFrame(siteName: string, m: LineMetrics): Frame & { wordmark: TextBox } {
  const b = brand(siteName, PAD_X, PAD_TOP, BRAND.mark, BRAND.size, m);
  return { mark: b.mark, bar: BAR, wordmark: b.text };
}

export interface ArticleLayout {
  texts: TextBox[];
  /** The distribution's tag, absent when the article has no distribution. */
  pill?: Box;
}

/**
 * Where the texts of an article card go, the headline already fitted (fitHeadline) and `distroWidth` the width of
 * the distribution's name at its size. The kicker and the headline are centred between the wordmark and the foot.
 * `m` are the main font's metrics; `lineMetrics[i]` those of the font that starts headline line i.
 */
export function articleLayout(
  card: SocialCard,
  fit: { fontSize: number; lines: string[] },
  distroWidth: number,
  m: LineMetrics,
  lineMetrics: readonly LineMetrics[] = [],
): ArticleLayout {
  const texts: TextBox[] = [];
  const footText = lineBox(FOOT.size, m);
  const footHeight = card.distro ? footText + 2 * (FOOT.pillPadY + FOOT.pillBorder) : footText;
  const footTop = CARD.height - PAD_BOTTOM - footHeight;
  let pill: Box | undefined;
  let dateX = PAD_X;
  if (card.distro) {
    const width = Math.round(distroWidth + 2 * (FOOT.pillPadX + FOOT.pillBorder));
    pill = { x: PAD_X, y: footTop, width, height: footHeight };
    texts.push({
      text: card.distro,
      size: FOOT.size,
      weight: 600,
      letterSpacing: 0,
      x: PAD_X + FOOT.pillBorder + FOOT.pillPadX,
      baseline: baselineAt(footTop + FOOT.pillBorder + FOOT.pillPadY, FOOT.size, m),
      ink: 'text',
      on: 'raised',
    });
    dateX = PAD_X + width + FOOT.gap;
  }
  texts.push({
    text: card.dateLabel,
    size: FOOT.size,
    weight: 400,
    letterSpacing: 0,
    x: dateX,
    baseline: baselineAt(footTop + Math.round((footHeight - footText) / 2), FOOT.size, m),
    ink: 'muted',
    on: 'bg',
  });

  const brandBottom = PAD_TOP + Math.max(BRAND.mark, lineBox(BRAND.size, m));
  const kickerHeight = lineBox(KICKER.size, m);
  const line = lineBox(fit.fontSize, m, HEADLINE.lineHeight);
  const content = kickerHeight + KICKER.gapBelow + fit.lines.length * line;
  const top = Math.round(brandBottom + (footTop - brandBottom - content) / 2);
  texts.push({
    text: card.kicker.toUpperCase(),
    size: KICKER.size,
    weight: KICKER.weight,
    letterSpacing: KICKER.letterSpacing,
    x: PAD_X,
    baseline: baselineAt(top, KICKER.size, m),
    ink: 'accent',
    on: 'bg',
  });
  fit.lines.forEach((text, i) => {
    const lineTop = top + kickerHeight + KICKER.gapBelow + i * line;
    texts.push({
      text,
      size: fit.fontSize,
      weight: HEADLINE.weight,
      letterSpacing: HEADLINE.letterSpacing,
      x: PAD_X,
      baseline: baselineAt(lineTop, fit.fontSize, lineMetrics[i] ?? m, HEADLINE.lineHeight),
      ink: 'text',
      on: 'bg',
    });
  });
  return { texts, pill };
}

/** The default card: the wordmark, large, and the tagline under it, centred vertically. */
export function defaultLayout(site: Masthead, m: LineMetrics): Frame & { texts: TextBox[] } {
  const markSize = 128;
  const nameSize = 104;
  const taglineSize = 40;
  const gap = 36;
  const x = PAD_X + 20;
  const rowHeight = Math.max(markSize, lineBox(nameSize, m));
  const taglineHeight = lineBox(taglineSize, m);
  const top = Math.round((CARD.height - (rowHeight + gap + taglineHeight)) / 2);
  const b = brand(site.name, x, top, markSize, nameSize, m);
  const tagline: TextBox = {
    text: site.tagline,
    size: taglineSize,
    weight: 400,
    letterSpacing: 0,
    x,
    baseline: baselineAt(top + rowHeight + gap, taglineSize, m),
    ink: 'muted',
    on: 'bg',
  };
  return { mark: b.mark, bar: BAR, texts: [b.text, tagline] };
}
