import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, netlifyHeaders, nginxSecuritySnippet } from '../../src/lib/security-headers.ts';

describe('security headers', () => {
  it('ship in deploy/nginx exactly as generated (run npm run deploy:config after changing them)', () => {
    const shipped = readFileSync(
      new URL('../../deploy/nginx/downstream-security-headers.conf', import.meta.url),
      'utf8',
    );
    expect(shipped).toBe(nginxSecuritySnippet());
  });
  it('never allow inline or eval for scripts and styles, and forbid framing', () => {
    expect(CSP_HEADER).not.toContain("'unsafe-inline'");
    expect(CSP_HEADER).not.toContain("'unsafe-eval'");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
  it('write _headers for the deploy base with immutable hashed assets', () => {
    const h = netlifyHeaders('/downstream/');
    expect(h).toContain('/downstream/*\n  Content-Security-Policy: ');
    expect(h).toContain('/downstream/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(h).toContain('X-Content-Type-Options: nosniff');
  });
});
