/**
 * Remote images: articles (imported ones especially) may show images from other hosts, but only from hosts the site
 * lists in content/remote-images.yaml. The CSP (Astro's <meta> and every host's header) allows exactly those hosts
 * over https, and the build fails on an image from any other host (src/integrations/checks/remote-images.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

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
