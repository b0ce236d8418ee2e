import { createHash } from 'node:crypto';

/** ASCII kebab-case for file names and URLs: accents dropped, anything else becomes a hyphen. */
export function slugify(s: string, max = 80): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out.length > max ? out.slice(0, max).replace(/-[^-]*$/, '') || out.slice(0, max) : out;
}

export const shortHash = (s: string, n = 8) => createHash('sha256').update(s).digest('hex').slice(0, n);
