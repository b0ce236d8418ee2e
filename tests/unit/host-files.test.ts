import { describe, expect, it } from 'vitest';
import { EXAMPLE_DEPLOY } from '../../src/integrations/host/files.ts';
import { headersFile, redirectsFile } from '../../src/integrations/host/netlify.ts';
import { hostPolicy } from '../../src/integrations/host/policy.ts';

/**
 * `_headers` and `_redirects` as Cloudflare Pages documents them (developers.cloudflare.com/pages/configuration/
 * headers/ and …/redirects/): the rules a parser there applies, so a file it would reject or half-read fails here.
 * Cloudflare's own runtime (wrangler pages dev) was run on these files by hand: see docs/deploy.md.
 */
function parseHeaders(text: string) {
  const rules: { path: string; headers: [string, string][] }[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `_headers line ${i + 1}`;
    if (line.length > 2000) throw new Error(`${where}: longer than 2,000 characters`);
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (/^\s/.test(line)) {
      const m = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
      if (!m) throw new Error(`${where}: not "Name: value"`);
      const rule = rules.at(-1);
      if (!rule) throw new Error(`${where}: a header before any URL`);
      rule.headers.push([m[1]!, m[2]!]);
      return;
    }
    if (!/^(\/|https:\/\/)\S*$/.test(line)) throw new Error(`${where}: a URL pattern must start with / or https://`);
    if ((line.match(/\*/g) ?? []).length > 1) throw new Error(`${where}: more than one splat`);
    rules.push({ path: line, headers: [] });
  });
  if (rules.length > 100) throw new Error(`_headers: ${rules.length} rules, the limit is 100`);
  for (const r of rules) if (r.headers.length === 0) throw new Error(`_headers: ${r.path} sets no header`);
  return rules;
}

function parseRedirects(text: string) {
  const rules: { from: string; to: string; status: number }[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `_redirects line ${i + 1}`;
    if (line.length > 1000) throw new Error(`${where}: longer than 1,000 characters`);
    if (line.trim() === '' || line.startsWith('#')) return;
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || parts.length > 3) throw new Error(`${where}: not "source destination [code]"`);
    const [from, to, code = '302'] = parts as [string, string, string?];
    if (!from.startsWith('/')) throw new Error(`${where}: the source must be a path`);
    if (!/^(\/|https?:\/\/)/.test(to)) throw new Error(`${where}: the destination must be a path or a URL`);
    if (![200, 301, 302, 303, 307, 308].includes(Number(code))) throw new Error(`${where}: status ${code}`);
    rules.push({ from, to, status: Number(code) });
  });
  const dynamic = rules.filter((r) => /[*:]/.test(r.from)).length;
  if (rules.length - dynamic > 2000 || dynamic > 100) throw new Error('_redirects: over 2,000 static or 100 dynamic');
  return rules;
}

describe('Cloudflare Pages / Netlify host files', () => {
  const redirects = Array.from({ length: 300 }, (_, i) => ({ from: `/old/${i}.html`, to: `/articles/a-${i}/` }));
  for (const base of ['/downstream/', '/']) {
    const policy = hostPolicy({ ...EXAMPLE_DEPLOY, base, redirects });

    it(`_headers for ${base} follows the documented format, one rule per header and path`, () => {
      const rules = parseHeaders(headersFile(policy));
      expect(rules[0]).toMatchObject({ path: `${base}*` });
      expect(rules[0]!.headers.map(([k]) => k)).toEqual(Object.keys(policy.headers));
      // Cloudflare joins the values of a header that two matching rules set: each header has one source per path.
      const setters = (name: string) => rules.filter((r) => r.headers.some(([k]) => k === name)).map((r) => r.path);
      expect(setters('Content-Security-Policy')).toEqual([`${base}*`]);
      expect(setters('Cache-Control').every((p) => p.endsWith('/*') && p !== `${base}*`)).toBe(true);
    });

    it(`_redirects for ${base} follows the documented format with absolute 301 targets`, () => {
      const rules = parseRedirects(redirectsFile(policy));
      expect(rules).toHaveLength(redirects.length + (base === '/' ? 0 : 1));
      expect(rules.every((r) => r.status === 301 && r.to.startsWith('https://downstream.example/'))).toBe(true);
    });
  }

  it('the parsers refuse what Cloudflare would', () => {
    expect(() => parseHeaders('/a/*/b/*\n  X-A: 1\n')).toThrow(/more than one splat/);
    expect(() => parseHeaders('  X-A: 1\n')).toThrow(/before any URL/);
    expect(() => parseHeaders('/a\n  not a header\n')).toThrow(/Name: value/);
    expect(() => parseRedirects('/a /b 418\n')).toThrow(/status 418/);
    expect(() => parseRedirects('a /b 301\n')).toThrow(/source must be a path/);
  });
});
