/** Classifying and sizing responses (pure). Compressed sizes: gzip level 9 and brotli quality 11, i.e. what a host
 * serving precompressed static files sends; types a host does not compress (fonts, images, Pagefind's already
 * gzipped index files) count at their raw size. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Category = 'html' | 'css' | 'js' | 'font' | 'image' | 'search-index' | 'other';
export const CATEGORIES: readonly Category[] = ['html', 'css', 'js', 'font', 'image', 'search-index', 'other'];

export interface ResponseRecord {
  url: string;
  status: number;
  resourceType: string;
  contentType: string;
  bytes: number;
  headerBytes: number;
  gzip: number;
  brotli: number;
  /**
   * Served from the browser's cache: nothing crossed the network (Chromium reports no encoded bytes). A page that
   * imports the same file twice (the search page's second Pagefind instance) pays for it once.
   */
  cached?: boolean;
}

export function classify(url: string, resourceType: string, contentType: string): Category {
  const path = new URL(url).pathname.toLowerCase();
  if (/\/pagefind\//.test(path) && !/\.(js|mjs|css)$/.test(path)) return 'search-index';
  if (resourceType === 'document' || contentType.startsWith('text/html')) return 'html';
  if (resourceType === 'stylesheet' || /\.css$/.test(path)) return 'css';
  if (resourceType === 'script' || /\.(m?js)$/.test(path) || contentType.includes('javascript')) return 'js';
  if (resourceType === 'font' || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (resourceType === 'image' || /\.(png|jpe?g|gif|webp|avif|svg|ico)$/.test(path)) return 'image';
  return 'other';
}

export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/.test(contentType);
}

export function compressedSizes(body: Uint8Array, contentType: string): { gzip: number; brotli: number } {
  if (!isCompressible(contentType) || body.length === 0) return { gzip: body.length, brotli: body.length };
  const gz = gzipSync(body, { level: 9 }).length;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length;
  return { gzip: Math.min(gz, body.length), brotli: Math.min(br, body.length) };
}

export interface Bucket {
  count: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export const emptyBucket = (): Bucket => ({ count: 0, raw: 0, gzip: 0, brotli: 0 });

export function aggregate(records: readonly ResponseRecord[]): {
  byCategory: Record<Category, Bucket>;
  total: Bucket;
  headerBytes: number;
} {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, emptyBucket()])) as Record<Category, Bucket>;
  const total = emptyBucket();
  let headerBytes = 0;
  for (const r of records) {
    const b = byCategory[classify(r.url, r.resourceType, r.contentType)];
    for (const x of [b, total]) {
      x.count++;
      x.raw += r.bytes;
      x.gzip += r.gzip;
      x.brotli += r.brotli;
    }
    headerBytes += r.headerBytes;
  }
  return { byCategory, total, headerBytes };
}
