/**
 * Maintainers' exceptions to the trust boundary of articles (src/lib/markdown/remark-trust.ts). This file is code:
 * changing it is a maintainer's decision, reviewed like any change to src/. Contributors write content/ only.
 */

/**
 * Articles (paths under content/articles/, e.g. "2026/interactive-timeline.mdx") that may use any MDX (imports,
 * exports, expressions) and any raw HTML. Only for articles a maintainer wrote or reviewed line by line.
 */
export const TRUSTED_ARTICLES: readonly string[] = [];

/**
 * Hosts an <iframe src> in an article may load from (exact host names, e.g. "www.youtube-nocookie.com"). Empty:
 * no iframes; link to the page instead. A host added here must also be allowed by the CSP (frame-src).
 */
export const IFRAME_HOSTS: readonly string[] = [];
