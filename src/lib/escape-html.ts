/**
 * Text for HTML that the code writes as a string (feed entries, redirect pages): safe as element text and inside a
 * double-quoted attribute value. Components never need it: Astro escapes every `{expression}` it renders.
 */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
