// Developer tool: every page type at 320, 375, 768 and 1280 px, light and dark, into test-results/shots/.
// Usage: `npm run build:e2e`, then `npm run screenshots [-- path ...]` (serves dist/ with nginx on SHOTS_PORT,
// default 4330). Long pages are cut at SHOT_HEIGHT px (default 3000; 0 for the full page); SHOT_DIR names the folder
// under test-results/ (default shots), so shots before and after a change can sit side by side.
import { chromium } from 'playwright';
import { mkdirSync } from 'node:fs';
import { startNginx } from '../tests/e2e/nginx.ts';
import { PAGE_TYPES } from '../tests/e2e/page-types.ts';

const base = '/downstream/';
const port = Number(process.env.SHOTS_PORT ?? 4330);
// SHOT_WIDTHS=390,1280 for other widths.
const WIDTHS = process.env.SHOT_WIDTHS ? process.env.SHOT_WIDTHS.split(',').map(Number) : [320, 375, 768, 1280];
const args = process.argv.slice(2);
const pages: [string, string][] = args.length
  ? args.map((p) => [p.replace(/[^a-z0-9]+/gi, '-'), p])
  : Object.entries(PAGE_TYPES);
const maxHeight = Number(process.env.SHOT_HEIGHT ?? 3000);
const site = startNginx({ port, base });
const out = `test-results/${process.env.SHOT_DIR ?? 'shots'}`;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
let count = 0;
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
      for (const [name, path] of pages) {
        await page.goto(`http://127.0.0.1:${port}${base}${path.replace(/^\//, '')}`);
        if (path.startsWith('/search/?')) {
          await page.locator('[data-search-results] > li').first().waitFor({ timeout: 10_000 });
        }
        await page.waitForTimeout(100);
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const height = maxHeight ? Math.min(full, maxHeight) : full;
        const file = `${out}/${name.replace(/[^a-z0-9]+/gi, '-')}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
        count++;
      }
      await page.close();
    }
  }
  console.log(`${count} screenshots in ${out}/`);
} finally {
  await browser.close();
  site.stop();
}
