/**
 * Remote images: articles (imported ones especially) may show images from other hosts, but only from hosts the site
 * lists in content/remote-images.yaml. The CSP (Astro's <meta> and every host's header) allows exactly those hosts
 * over https, and the build fails on an image from any other host (src/integrations/content-checks.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BuiltPage } from './checks/dist-index.ts';
import { lineAt } from './checks/dist-index.ts';
import type { Check, Problem } from './checks/rules.ts';

export const REMOTE_IMAGES_FILE = 'remote-images.yaml';

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The allowed image hosts of a content tree; throws naming the file, the entry and the fix. */
export function remoteImageHosts(contentDir: string): string[] {
  const file = join(contentDir, REMOTE_IMAGES_FILE);
  if (!existsSync(file)) return [];
  const data = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as { hosts?: unknown };
  const hosts = data.hosts ?? [];
  if (!Array.isArray(hosts)) throw new Error(`${file}: hosts must be a list of host names, e.g. [images.example.org]`);
  return hosts.map((h, i) => {
    if (typeof h !== 'string' || !HOST.test(h))
      throw new Error(
        `${file}: hosts.${i} (${JSON.stringify(h)}) is not a host name: write it as images.example.org (no scheme, path or wildcard)`,
      );
    return h;
  });
}

/** Hosts of remote images in one built page's article body. */
export function remoteImagesIn(page: BuiltPage): { host: string; src: string; line: number }[] {
  return page.root.querySelectorAll('.article-body img[src], .article-body source[srcset]').flatMap((el) => {
    const src = el.getAttribute('src') ?? el.getAttribute('srcset')?.split(/\s/)[0] ?? '';
    if (!/^(https?:)?\/\//i.test(src)) return [];
    const host = new URL(src, 'https://site.invalid').hostname;
    return [{ host, src, line: lineAt(page.html, el.range[0]) }];
  });
}

/** A check: every remote image in an article comes from an allowed host over https. */
export function remoteImageCheck(allowed: readonly string[]): Check {
  return (page) =>
    remoteImagesIn(page)
      .filter((i) => !allowed.includes(i.host) || /^http:/i.test(i.src))
      .map((i): Problem => ({
        check: 'remote-images',
        file: page.file,
        line: i.line,
        message: allowed.includes(i.host)
          ? `<img src="${i.src}"> loads over http: use https`
          : `<img src="${i.src}"> comes from ${i.host}, which content/${REMOTE_IMAGES_FILE} does not list: add the host there (the CSP follows it) or copy the image into the site`,
        target: i.src,
        inContent: true,
      }));
}
