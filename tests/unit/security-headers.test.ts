import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/lib/security-headers.ts';

describe('security headers', () => {
  it('never allow inline or eval for scripts and styles, and forbid framing', () => {
    expect(CSP_HEADER).not.toContain("'unsafe-inline'");
    expect(CSP_HEADER).not.toContain("'unsafe-eval'");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
