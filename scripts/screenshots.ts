// Developer tool: screenshots of key pages at phone and desktop widths, light and dark, into test-results/shots/.
// Usage: npm run build:e2e, then `npx node scripts/screenshots.ts [path ...]` (serves dist/ with nginx on :4330).
import { chromium } from 'playwright';
import { mkdirSync } from 'node:fs';
import { startNginx } from '../tests/e2e/nginx.ts';

const base = '/downstream/';
const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      '',
      'articles/almalinux-abi-compatibility/',
      'distros/almalinux/',
      'distros/',
      'search/?q=rocky',
      'news/',
      'feeds/',
    ];
const site = startNginx({ port: 4330, base });
const out = 'test-results/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, width] of [
      ['phone', 375],
      ['desktop', 1280],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const p of pages) {
        await page.goto(`http://127.0.0.1:4330${base}${p}`);
        await page.waitForTimeout(p.startsWith('search') ? 1200 : 150);
        const file = `${out}/${(p.replace(/[^a-z0-9]+/gi, '-') || 'home').replace(/-$/, '')}-${name}-${scheme}.png`;
        // Full pages of long articles are too tall to inspect; SHOT_HEIGHT limits the capture.
        const height = Number(process.env.SHOT_HEIGHT ?? 0);
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: height ? { x: 0, y: Number(process.env.SHOT_Y ?? 0), width, height } : undefined,
        });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  site.stop();
}
