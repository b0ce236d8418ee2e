/**
 * The design of the social images: 1200×630 cards as the element objects satori takes in place of JSX. An article
 * card shows the wordmark, the section kicker, the headline, the main distribution as a tag and the date; the
 * default card shows the wordmark and the tagline. Pure: text fitting happens before, rendering after.
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

export interface El {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<El | string> | El | string; [k: string]: unknown };
}
const el = (type: string, style: Record<string, unknown>, children?: El['props']['children'], extra = {}): El => ({
  type,
  props: { style, children, ...extra },
});

const logo = (markUri: string, size: number) =>
  el('img', { width: size, height: size }, undefined, { src: markUri, width: size, height: size });

function brand(name: string, markUri: string, size: number, fontSize: number): El {
  return el('div', { display: 'flex', alignItems: 'center', gap: Math.round(size * 0.32) }, [
    logo(markUri, size),
    el('div', { fontSize, fontWeight: 800, letterSpacing: '-0.02em', color: COLOR.text }, name),
  ]);
}

const accentBar = () =>
  el('div', { position: 'absolute', left: 0, right: 0, bottom: 0, height: 14, background: COLOR.accent });

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

export function articleCard(
  card: SocialCard,
  fit: { fontSize: number; lines: string[] },
  siteName: string,
  markUri: string,
): El {
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
      brand(siteName, markUri, 56, 40),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', gap: 18 }, [
        // The kicker, as on the article page.
        el(
          'div',
          { fontSize: 26, fontWeight: 700, letterSpacing: '0.08em', color: COLOR.accent },
          card.kicker.toUpperCase(),
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
          // Lines broken beforehand, with the real font metrics; satori must not re-wrap them.
          fit.lines.map((line) => el('div', { whiteSpace: 'pre' }, line)),
        ),
      ]),
      el('div', { display: 'flex', alignItems: 'center', gap: 24, fontSize: 26 }, [
        // The main distribution, styled like the tags on the article page (an imported article may have none yet).
        ...(card.distro
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
                card.distro,
              ),
            ]
          : []),
        el('div', { fontWeight: 400, color: COLOR.muted }, card.dateLabel),
      ]),
      accentBar(),
    ],
  );
}

export function defaultCard(site: Masthead, markUri: string): El {
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
      brand(site.name, markUri, 128, 104),
      el('div', { fontSize: 40, fontWeight: 400, color: COLOR.muted }, site.tagline),
      accentBar(),
    ],
  );
}
