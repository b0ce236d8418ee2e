/**
 * How a link that leaves the site is marked: the rel values, the class the stylesheet draws the external marker
 * from, and the hidden text for screen readers. Used by the ExternalLink component (templates), rehype-links
 * (article bodies) and the dist check that verifies both.
 */
export const EXTERNAL_REL = ['noopener', 'noreferrer', 'external'] as const;
export const EXTERNAL_CLASS = 'external';
export const EXTERNAL_HINT = ' (external site)';
/** The class of text that is read out but not shown. */
export const VISUALLY_HIDDEN = 'visually-hidden';
