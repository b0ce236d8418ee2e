// Highlights the words a reader searched for when they arrive from a search result (?highlight=...), using
// Pagefind's own highlighter. Nothing is loaded on a normal visit.
import { withBase } from '../lib/urls.ts';

const BASE = withBase('/');

if (new URLSearchParams(window.location.search).has('highlight')) {
  const path = `${BASE}pagefind/pagefind-highlight.js`;
  import(/* @vite-ignore */ path)
    .then(({ default: PagefindHighlight }) => {
      // addStyles would inject a <style> element, which the CSP forbids; global.css styles <mark> instead.
      new PagefindHighlight({ highlightParam: 'highlight', addStyles: false });
    })
    .catch(() => {
      /* highlighting is a nicety; the article is already readable */
    });
}
