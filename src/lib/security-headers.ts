/**
 * The site's security policy in one place: Astro's per-page CSP <meta> (astro.config.mjs) and every host format
 * (src/lib/host/: nginx, Apache, Caddy, Netlify/Cloudflare, S3 + CloudFront) are derived from these lists.
 */

/** Directives shared by the <meta> policy and the host header. Astro adds script-src/style-src with hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Script sources beyond hashes: our own files, and WebAssembly compilation for Pagefind's search core. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * The header policy: a <meta> CSP cannot carry frame-ancestors, so hosts send this too. Both policies apply; the
 * site needs no inline script or style, so this stricter header (no hashes) never blocks anything the meta allows.
 */
export const CSP_HEADER = [
  ...CSP_DIRECTIVES.slice(0, 1),
  `script-src ${SCRIPT_SOURCES.join(' ')}`,
  "style-src 'self'",
  ...CSP_DIRECTIVES.slice(1),
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
