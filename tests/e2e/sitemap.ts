import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { E2E } from './env.ts';

/** Every page URL in the built sitemap, as a path under the e2e base (read from dist/, the build under test). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(resolve(import.meta.dirname, '../../dist/sitemap-0.xml'), 'utf8');
  const urls = new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset.url as { loc: string }[];
  return urls.map((u) => new URL(u.loc).pathname).filter((p) => p.startsWith(E2E.base));
}
