/**
 * npm run lifecycle:compare -- <folder of endoflife.date product files> [--distros <folder>]
 *
 * Prints every difference between content/distros/ and endoflife.date's product files, marking each as explained
 * (our YAML says why) or unexplained. Exits 1 when any difference is unexplained, so CI can hold the line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  compareLifecycles,
  formatDifferences,
  parseEolProduct,
  type EolProduct,
} from '../src/lib/lifecycle-compare.ts';
import { readDistros } from '../src/lib/distro-files.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--distros');
const distrosDir = resolve(flag >= 0 ? args.splice(flag, 2)[1]! : 'content/distros');
const folder = args[0];
if (!folder || !existsSync(folder)) {
  console.error(
    'usage: npm run lifecycle:compare -- <folder of endoflife.date product files, e.g. ../shared/data/endoflife-date/products>',
  );
  process.exit(2);
}
const dir = existsSync(join(folder, 'products')) ? join(folder, 'products') : folder;
const products = new Map<string, EolProduct>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  products.set(f.replace(/\.md$/, ''), parseEolProduct(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}
const diffs = compareLifecycles(readDistros(distrosDir), products);
console.log(formatDifferences(diffs));
process.exit(diffs.some((d) => !d.explanation) ? 1 : 0);
