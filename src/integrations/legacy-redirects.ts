import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legacyRedirects, redirectPage, redirectPageFile } from '../lib/redirects.ts';
import { joinBase } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/**
 * Old URLs of imported archives (src/lib/redirects.ts) as static redirect pages at each old path, for hosts with no
 * redirect rules; host configurations (src/integrations/host/: nginx, Apache, Caddy, `_redirects`) answer 301 before them.
 * An old path that is also a page of the new site fails the build: one of the two would be lost.
 */
export default function legacyRedirectPages({
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
          const target = joinBase(base, r.to);
          writeFileSync(file, redirectPage(target, new URL(target, site).href, SITE.lang));
        }
        logger.info(`${redirects.length} old URL(s) of imported articles: static redirect pages written`);
      },
    },
  };
}
