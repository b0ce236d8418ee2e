/**
 * The site's security policy in one place: Astro's per-page CSP <meta> (astro.config.mjs) and every host format
 * (src/integrations/host/: nginx, Apache, Caddy, Netlify/Cloudflare, S3 + CloudFront) are derived from these lists.
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

/** The img-src directive for a list of allowed hosts (https only). */
export function imgSrc(hosts: readonly string[]): `img-src ${string}` {
  return `img-src ${["'self' data:", ...[...hosts].sort().map((h) => `https://${h}`)].join(' ')}`;
}

/**
 * The directives with remote image hosts allowed (content/remote-images.yaml, src/lib/remote-images.ts): img-src
 * gains `https://<host>` for each, nothing else changes.
 */
export function cspDirectives(
  imageHosts: readonly string[] = [],
): ((typeof CSP_DIRECTIVES)[number] | `img-src ${string}`)[] {
  return CSP_DIRECTIVES.map((d) => (d.startsWith('img-src ') ? imgSrc(imageHosts) : d));
}

/** The header policy for a site that allows these remote image hosts. */
export function cspHeader(imageHosts: readonly string[] = []): string {
  const directives = cspDirectives(imageHosts);
  return [
    ...directives.slice(0, 1),
    `script-src ${SCRIPT_SOURCES.join(' ')}`,
    "style-src 'self'",
    ...directives.slice(1),
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header, for a site that allows these remote image hosts. */
export function securityHeaders(imageHosts: readonly string[] = []): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': cspHeader(imageHosts) };
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
