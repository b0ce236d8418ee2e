/**
 * Typographic quotes for text that does not go through the Markdown pipeline: headlines, deks and callout titles
 * are front matter or MDX props, so `"bookworm"` and `Red Hat's` would reach readers straight while the article
 * body beside them has “bookworm” and Red Hat’s (src/lib/markdown/remark-smartypants.ts). Quotes only: a headline
 * may name an option such as `--force`, which the body's dash rule would turn into an en dash.
 */
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

const quotes = retext().use(retextSmartypants, { quotes: true, dashes: false, ellipses: false, backticks: false });

/**
 * The text with straight quotes and apostrophes made typographic: the rule of article bodies too, where
 * remark-smartypants.ts runs it over an article's whole text at once so that quotes pair across links and emphasis.
 * It never changes the text's length. Text without a straight quote is returned as it is, without parsing.
 */
export function curlyQuotes(text: string): string {
  return /["']/.test(text) ? String(quotes.processSync(text)) : text;
}
