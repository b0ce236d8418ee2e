import readingTime from 'reading-time';

/** MDX/JSX tags and code fences are not prose; strip them before counting. */
function prose(source: string): string {
  return source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

/**
 * Characters reading-time counts as a word each (Hiragana, CJK ideographs, Hangul; it compares UTF-16 code units,
 * so these ranges are all it can match).
 */
const CJK = /[\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3]/;
/** What reading-time counts as a word in text without those: a run between spaces, tabs and line breaks. */
const WORD = /[^ \t\n\r]+/g;

/** The number of words reading-time counts in `text`. */
export function wordCount(text: string): number {
  // reading-time walks the text a character at a time, testing ranges with Array.some: about a millisecond per
  // article, a second of every 1,000-article build. Without CJK its count is the number of runs, which a regular
  // expression finds in a few microseconds; text with CJK goes to reading-time itself.
  if (CJK.test(text)) return readingTime(text).words;
  return text.match(WORD)?.length ?? 0;
}

/** Minutes a reader needs, rounded up, at least one. */
export function readingMinutes(source: string, wordsPerMinute = 230): number {
  return Math.max(1, Math.ceil(wordCount(prose(source)) / wordsPerMinute));
}

export function readingLabel(minutes: number): string {
  return `${minutes} min read`;
}
