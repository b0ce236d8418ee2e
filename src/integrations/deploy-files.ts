import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { netlifyHeaders } from '../lib/security-headers.ts';
import { joinBase } from '../lib/urls.ts';

/** Files a static host reads from the build: `_headers` (Netlify, Cloudflare Pages) and `robots.txt`. */
export default function deployFiles({ base, site }: { base: string; site: string }): AstroIntegration {
  return {
    name: 'downstream:deploy-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(`${out}/_headers`, netlifyHeaders(base));
        const sitemap = new URL(joinBase(base, 'sitemap-index.xml'), site).href;
        writeFileSync(
          `${out}/robots.txt`,
          `User-agent: *\nAllow: ${base}\nDisallow: ${joinBase(base, 'pagefind/')}\n\nSitemap: ${sitemap}\n`,
        );
        logger.info('wrote _headers and robots.txt');
      },
    },
  };
}
