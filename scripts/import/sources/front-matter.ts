/** Front matter of a Jekyll or Hugo file: YAML between ---, TOML between +++ (Hugo), or a leading JSON object (Hugo). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import type { SourceIssue } from '../types.ts';

export type FrontMatterResult =
  { ok: true; data: Record<string, unknown>; body: string } | { ok: false; error: string; body: string };

export function splitFrontMatter(text: string): FrontMatterResult {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fence = src.match(/^(---|\+\+\+)[ \t]*\n/);
  if (fence) {
    const mark = fence[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+';
    const close = new RegExp(`^${mark}[ \\t]*$`, 'm');
    const rest = src.slice(fence[0].length);
    const end = close.exec(rest);
    if (!end) return { ok: false, error: `front matter opened with ${fence[1]} is never closed`, body: '' };
    const raw = rest.slice(0, end.index);
    const body = rest.slice(end.index + end[0].length).replace(/^\n/, '');
    try {
      const data = fence[1] === '---' ? parseYaml(raw, { uniqueKeys: false }) : parseToml(raw);
      if (data != null && (typeof data !== 'object' || Array.isArray(data)))
        return { ok: false, error: 'front matter is not a set of key: value pairs', body };
      return { ok: true, data: (data ?? {}) as Record<string, unknown>, body };
    } catch (e) {
      const where = e instanceof YAMLParseError && e.linePos ? ` (front matter line ${e.linePos[0].line})` : '';
      const first = String((e as Error).message).split('\n')[0];
      return {
        ok: false,
        error: `unreadable ${fence[1] === '---' ? 'YAML' : 'TOML'} front matter${where}: ${first}`,
        body,
      };
    }
  }
  if (src.startsWith('{')) {
    // Hugo's JSON front matter: a JSON object, then the body.
    let depth = 0;
    for (let i = 0; i < src.length; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}' && --depth === 0) {
        try {
          return {
            ok: true,
            data: JSON.parse(src.slice(0, i + 1)) as Record<string, unknown>,
            body: src.slice(i + 1).replace(/^\n+/, ''),
          };
        } catch (e) {
          return { ok: false, error: `unreadable JSON front matter: ${(e as Error).message}`, body: '' };
        }
      }
    }
  }
  return { ok: true, data: {}, body: src };
}

/** Every file below a folder, recursively, in a stable order ([] when the folder does not exist). */
export function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walkFiles(full) : [full];
    });
}

/**
 * One post file of a Jekyll or Hugo tree, read and split. An empty file or unreadable front matter is recorded in
 * `issues` as skipped (with the fix) and gives undefined: both importers skip the same things for the same reasons.
 */
export function readPostFile(
  file: string,
  rel: string,
  issues: SourceIssue[],
): { data: Record<string, unknown>; body: string } | undefined {
  const raw = readFileSync(file, 'utf8');
  if (!raw.trim()) {
    issues.push({ file: rel, kind: 'skipped', class: 'empty', message: 'empty file' });
    return undefined;
  }
  const fm = splitFrontMatter(raw);
  if (!fm.ok) {
    issues.push({
      file: rel,
      kind: 'skipped',
      class: 'bad-front-matter',
      message: `${fm.error}: fix the file and import again`,
    });
    return undefined;
  }
  return { data: fm.data, body: fm.body };
}

/** Old URLs listed in front matter (Hugo `aliases`, Jekyll `redirect_from`) as root-relative paths. */
export function oldPaths(v: unknown): string[] {
  return list(v).map((a) => (a.startsWith('/') ? a : `/${a}`));
}

/** A front matter value as text (dates become YYYY-MM-DD[THH:MM…]), or undefined. */
export function text(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'toString' in v && v.constructor?.name?.startsWith('TomlDate')) return String(v);
  return undefined;
}

/** A front matter value as a list of strings ("a b", "a, b", [a, b]). */
export function list(v: unknown, splitSpaces = false): string[] {
  if (Array.isArray(v)) return v.map((x) => text(x)).filter((x): x is string => !!x);
  const t = text(v);
  if (!t) return [];
  return t
    .split(splitSpaces ? /[\s,]+/ : /,/)
    .map((s) => s.trim())
    .filter(Boolean);
}
