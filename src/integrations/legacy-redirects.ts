import type { AstroIntegration } from 'astro';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  legacyRedirects,
  netlifyRedirects,
  nginxRedirectMap,
  redirectPage,
  redirectPageFile,
} from '../lib/redirects.ts';
import { SITE } from '../site.config.ts';

/** The map file the nginx snippet deploy/nginx/downstream-redirects.conf includes (copy it beside nginx.conf). */
export const NGINX_REDIRECT_MAP = '_redirects.nginx.map';

/**
 * Old URLs of imported archives (src/lib/redirects.ts) in three forms: a static redirect page at each old path
 * (works on any host), `_redirects` lines (Netlify, Cloudflare Pages) and an nginx map. An old path that is also a
 * page of the new site fails the build: one of the two would be lost.
 */
export default function legacyRedirectFiles({
  base,
  site,
  contentDir,
}: {
  base: string;
  site: string;
  contentDir: string;
}): AstroIntegration {
  return {
    name: 'downstream:legacy-redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const redirects = legacyRedirects(contentDir);
        const clashes = redirects.filter((r) => existsSync(join(out, redirectPageFile(r.from))));
        if (clashes.length)
          throw new Error(
            `Old URLs that are also pages of this site (rename the page or drop the old path from imported.paths):\n  ${clashes.map((r) => `${r.from} (→ ${r.to})`).join('\n  ')}`,
          );
        for (const r of redirects) {
          const file = join(out, redirectPageFile(r.from));
          mkdirSync(dirname(file), { recursive: true });
          const target = `${base.replace(/\/+$/, '')}${r.to}`;
          writeFileSync(file, redirectPage(target, new URL(target, site).href, SITE.lang));
        }
        writeFileSync(join(out, NGINX_REDIRECT_MAP), nginxRedirectMap(redirects, base));
        if (redirects.length) {
          const lines = `# Old URLs of imported archives (src/lib/redirects.ts)\n${netlifyRedirects(redirects, base)}\n`;
          const file = join(out, '_redirects');
          if (existsSync(file)) appendFileSync(file, `\n${lines}`);
          else writeFileSync(file, lines);
        }
        logger.info(`${redirects.length} old URL(s) redirect to imported articles`);
      },
    },
  };
}
