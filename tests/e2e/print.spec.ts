import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { E2E } from './env.ts';

/** The longest article (about 2,000 words, 19 sources, a code block, a table of contents and a series box). */
const LONG = E2E.path('/articles/almalinux-abi-compatibility/');
/**
 * Before the print stylesheet this article printed on 7 A4 pages without a single source URL (navigation, chips,
 * related links, the series box and the table of contents all printed, the body at reading width). With it: 6 pages
 * (30 November 2026, Debian's Chromium 156), now including all 19 source URLs. The bound is that measurement; the
 * printout from before this stylesheet (7 pages) fails it.
 */
const MAX_PAGES = 6;

/** Text of a PDF by poppler's pdftotext (Debian package poppler-utils), and its page count by pdfinfo. */
function readPdf(file: string) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageLines = Array.from({ length: pages }, (_, i) => {
    const page = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    });
    return page
      .split('\n')
      .map((l) => l.replace(/\f/g, '').trim())
      .filter(Boolean);
  });
  const lastLines = pageLines.map((lines) => lines.at(-1)!);
  const firstLines = pageLines.map((lines) => lines[0]!);
  return { text, pages, lastLines, firstLines };
}

test('printing a long article: masthead and canonical URL on top, sources with their URLs, no site furniture', async ({
  page,
}, testInfo) => {
  await page.goto(LONG);
  const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
  const sources = await page
    .locator('#sources-title + ol a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(sources.length).toBeGreaterThan(10);
  const related = await page.locator('.related a').allTextContents();
  expect(related.length).toBeGreaterThan(0);

  const file = testInfo.outputPath('article.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const headings = (await page.locator('.article-body :is(h2, h3), .article-foot h2').allTextContents()).map((h) =>
    h.trim(),
  );
  const entries = await page.locator('.timeline__entry').evaluateAll((lis) =>
    lis.map((li) => ({
      date: li.querySelector('.timeline__date')!.textContent!.trim(),
      title: li.querySelector('.timeline__title')!.textContent!.trim(),
    })),
  );
  expect(entries.length).toBeGreaterThan(3);
  const { text, pages, lastLines, firstLines } = readPdf(file);
  testInfo.annotations.push({ type: 'pages', description: String(pages) });
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThanOrEqual(MAX_PAGES);

  // Long URLs wrap across lines in print; compare without the line breaks pdftotext keeps.
  const flat = text.replace(/\s+/g, '');
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The masthead and the article's address come first.
  expect(lines[0]).toBe('Downstream');
  expect(flat.indexOf(canonical)).toBeGreaterThanOrEqual(0);
  expect(flat.indexOf(canonical)).toBeLessThan(flat.indexOf('AlmaLinux'));
  for (const url of sources) expect(flat, `source ${url}`).toContain(url.replace(/\s+/g, ''));
  // Site furniture is not printed: navigation, search, theme toggle, related coverage, chips, table of contents.
  for (const gone of [
    'Skip to content',
    'Search coverage',
    'Related coverage',
    'On this page',
    'Suggest a correction',
  ]) {
    expect(text, gone).not.toContain(gone);
  }
  for (const title of related) expect(flat).not.toContain(title.replace(/\s+/g, ''));
  // No page ends with a heading whose text starts on the next page, nor with a timeline entry's date whose title
  // starts the next page (a source's date can equal a timeline date: that line is a whole source, not a split entry).
  lastLines.slice(0, -1).forEach((line, i) => {
    expect(headings, `page ${i + 1} ends with a heading: "${line}"`).not.toContain(line);
    const next = firstLines[i + 1]!;
    const split = entries.find((e) => e.date === line && next.startsWith(e.title.slice(0, 20)));
    expect(split, `page ${i + 1} ends with the date of the timeline entry "${split?.title}"`).toBeUndefined();
  });
});
