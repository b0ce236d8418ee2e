import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile, redirectsFile } from './host/netlify.ts';
import { hostPolicy } from './host/policy.ts';
import { joinBase } from '../lib/urls.ts';

/**
 * Files a static host reads from the build, generated from the host description (src/integrations/host/policy.ts):
 * `_headers` and `_redirects` (Netlify, Cloudflare Pages) and `robots.txt`. Server configurations (nginx, Apache
 * vhost or .htaccess, Caddy, CloudFront) come from `npm run deploy:config`: no .htaccess in the output, because
 * Cloudflare Pages would serve it.
 */
export default function deployFiles({ base, site }: { base: string; site: string }): AstroIntegration {
  return {
    name: 'downstream:deploy-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const policy = hostPolicy({ site, base });
        writeFileSync(`${out}/_headers`, headersFile(policy));
        writeFileSync(`${out}/_redirects`, redirectsFile(policy));
        const sitemap = new URL(joinBase(base, 'sitemap-index.xml'), site).href;
        writeFileSync(
          `${out}/robots.txt`,
          `User-agent: *\nAllow: ${base}\nDisallow: ${joinBase(base, 'pagefind/')}\n\nSitemap: ${sitemap}\n`,
        );
        logger.info(`wrote _headers, _redirects (${policy.redirects.length} legacy redirects) and robots.txt`);
      },
    },
  };
}
