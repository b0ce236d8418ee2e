/**
 * The site's language and region, in one place without dependencies so that browser code can import it too. Dates
 * and numbers are formatted through Intl with this locale; SITE (src/site.config.ts) derives `lang` and the Open
 * Graph locale from it.
 */
export const LOCALE = 'en-GB';
/** The language alone, for <html lang> and Pagefind's index. */
export const LANG = LOCALE.split('-')[0]!;
