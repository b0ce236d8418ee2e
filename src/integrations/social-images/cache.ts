/**
 * Rendered images are cached by content across builds (in Astro's cacheDir, which CI can keep between runs): the
 * same card data, logo and drawing code give the same PNG, so a rebuild after editing one article draws one card and
 * a rebuild with no change draws none. The key covers the code of this folder and the versions of the font and
 * rendering packages, so a design or dependency change invalidates every entry.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['harfbuzzjs', '@resvg/resvg-js', '@fontsource/noto-sans'];

/** The installed version of a package, from the package.json above its entry point (some packages do not export it). */
function packageVersion(pkg: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(pkg));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    } catch {
      // no package.json at this level
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the version of ${pkg}`);
    dir = up;
  }
}

/** A hash of the code that draws the images and of the packages it draws with. */
export function codeFingerprint(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  // The vendored CJK fonts are covered by cjk-fonts/README.md, which names their version.
  const files = [...readdirSync(here).filter((f) => f.endsWith('.ts')), 'cjk-fonts/README.md'].sort();
  for (const file of files) {
    hash.update(file).update(readFileSync(join(here, file)));
  }
  for (const pkg of PACKAGES) hash.update(`${pkg}@${packageVersion(pkg)}`);
  // The card PNGs are deflated by Node's zlib (render.ts).
  hash.update(`zlib@${process.versions.zlib}`);
  return hash.digest('hex');
}

export interface ImageCache {
  has(key: unknown): Promise<boolean>;
  get(key: unknown): Promise<Uint8Array | undefined>;
  put(key: unknown, png: Uint8Array): Promise<void>;
}

export function imageCache(cacheRoot: URL, fingerprint: string): ImageCache {
  const dir = fileURLToPath(new URL('social-images/', cacheRoot));
  // Created once, by the first put.
  let made: Promise<unknown> | undefined;
  const file = (key: unknown) =>
    join(dir, `${createHash('sha256').update(fingerprint).update(JSON.stringify(key)).digest('hex')}.png`);
  return {
    async has(key) {
      try {
        await access(file(key));
        return true;
      } catch {
        return false;
      }
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch {
        return undefined;
      }
    },
    async put(key, png) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      await writeFile(file(key), png);
    },
  };
}
