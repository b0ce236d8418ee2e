/**
 * Builds that need more than one run of the real site or a fixture served by the real server: determinism of the
 * real site, and indexed content containing markup rendered as text in search results.
 */
import { existsSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import { build, buildFixture, ROOT } from './fixture.ts';
import { startNginx } from '../e2e/nginx.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length))
    .sort();

describe('the real site', () => {
  it('rebuilds byte-identical to the build under test (dist/, from npm run build:e2e)', () => {
    const dist = join(ROOT, 'dist');
    expect(existsSync(join(dist, 'releases.ics')), 'run npm run build:e2e first').toBe(true);
    // Use the same build clock as dist/ (written into every calendar's DTSTAMP).
    const stamp = /DTSTAMP:(\d{4})(\d{2})(\d{2})T/.exec(readFileSync(join(dist, 'releases.ics'), 'utf8'))!;
    const out = join(mkdtempSync(join(tmpdir(), 'downstream-again-')), 'dist');
    const r = build(undefined, out, { BUILD_DATE: `${stamp[1]}-${stamp[2]}-${stamp[3]}` });
    expect(r.ok, r.output).toBe(true);
    const list = files(dist);
    expect(files(out)).toEqual(list);
    const differ = list.filter((f) => !readFileSync(join(dist, f)).equals(readFileSync(join(out, f))));
    expect(differ).toEqual([]);
  });
});

describe('search over hostile indexed content', () => {
  it('shows markup from articles as text in results and runs none of it', async () => {
    const b = buildFixture();
    expect(b.ok, b.output).toBe(true);
    const site = startNginx({ port: 4331, base: '/downstream/', dist: b.outDir });
    const browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    });
    try {
      const page = await browser.newPage();
      await page.goto('http://127.0.0.1:4331/downstream/search/?q=zebrafruit');
      const excerpts = page.locator('[data-search-results] .excerpt');
      await page.waitForSelector('[data-search-results] .excerpt');
      const text = (await excerpts.allTextContents()).join(' ');
      expect(text).toMatch(/<img src=x onerror=/);
      expect(
        await page
          .locator('[data-search-results] img, [data-search-results] script, [data-search-results] svg')
          .count(),
      ).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // The search page has no header box (one search box per page): the header combobox is tried on the home page.
      await page.goto('http://127.0.0.1:4331/downstream/');
      await page.locator('#header-q').fill('zebrafruit');
      await page.waitForSelector('#quick-listbox [role="option"]');
      expect(await page.locator('#quick-listbox img, #quick-listbox script, #quick-listbox svg').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await browser.close();
      site.stop();
    }
  });
});
