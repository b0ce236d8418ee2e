/**
 * A fingerprint of the site's code (src/, public/, astro.config.mjs, package-lock.json: paths, sizes, mtimes).
 * Other work edits the repository while a long benchmark runs; two builds with different fingerprints measured
 * different code, and a warm build after a config edit is really a cold one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function codeFingerprint(
  repo: string,
  entries = ['src', 'public', 'astro.config.mjs', 'package-lock.json'],
): { hash: string; newest: string; newestFile: string } {
  const h = createHash('sha1');
  let newest = 0;
  let newestFile = '';
  const visit = (p: string, rel: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name), `${rel}/${name}`);
      return;
    }
    h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
    if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
      newestFile = rel;
    }
  };
  for (const e of entries) visit(join(repo, e), e);
  return { hash: h.digest('hex').slice(0, 12), newest: new Date(newest).toISOString(), newestFile };
}
