import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { INLINE_CODE_WORD_MAX } from '../../src/lib/markdown/rehype-code-blocks.ts';

/**
 * Inline code on a phone: a command such as `dnf config-manager --disable crb` wraps between its words, never
 * after the "--" of an option or inside "config-manager"; a path too long for the column still wraps instead of
 * pushing the page sideways. Checked on the lines the reader sees, in Chromium at 320 px.
 */

interface CodeLines {
  text: string;
  /** The code's text as laid out: one string per line box, trimmed. */
  lines: string[];
  /** The longest whitespace-free piece, and whether it would fit on one line of the column. */
  longestFits: boolean;
  /** How far the code reaches past the right edge of its paragraph (≤ 0: inside). */
  overflow: number;
}

/** Every inline code of the article's text, split into the lines it occupies. */
function inlineCodeLines(page: Page): Promise<CodeLines[]> {
  return page.locator('.prose :not(pre) > code').evaluateAll((codes) =>
    codes.map((code) => {
      const block = code.closest('p, li, td, dd, blockquote') ?? code.parentElement!;
      const column = block.getBoundingClientRect();
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A space at the end of a line has no box of its own: it belongs to the line before it.
          const rect = range.getClientRects()[0];
          chars.push({ ch: text[i]!, top: rect && rect.width > 0 ? Math.round(rect.top) : NaN });
        }
      }
      const lines: string[] = [''];
      let top: number | undefined;
      for (const { ch, top: t } of chars) {
        if (!Number.isNaN(t) && t !== top) {
          if (top !== undefined) lines.push('');
          top = t;
        }
        lines[lines.length - 1] += ch;
      }
      const text = code.textContent ?? '';
      const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
      const probe = document.createElement('code');
      probe.textContent = longest;
      probe.style.whiteSpace = 'nowrap';
      code.after(probe);
      const longestFits = probe.getBoundingClientRect().width <= column.width;
      probe.remove();
      const right = Math.max(...[...code.getClientRects()].map((r) => r.right));
      return { text, lines: lines.map((l) => l.trim()), longestFits, overflow: right - column.right };
    }),
  );
}

test.describe('inline code at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('"dnf config-manager --disable crb" breaks between its words, not after "--"', async ({ page }) => {
    await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
    const all = await inlineCodeLines(page);
    const command = all.find((c) => c.text === 'dnf config-manager --disable crb');
    expect(command, 'the article shows the command as inline code').toBeDefined();
    // Too long for one line at this width: it wraps, and each line holds whole words of the command.
    expect(command!.lines.length).toBeGreaterThan(1);
    const words = command!.text.split(' ');
    for (const line of command!.lines) {
      for (const word of line.split(' ')) expect(words, `line "${line}"`).toContain(word);
    }
    expect(command!.lines.join(' ')).toBe(command!.text);
  });

  for (const path of ['/articles/upgrade-debian-12-to-13/', '/articles/rhel-10-released/']) {
    test(`${path}: inline code breaks inside no word of up to ${INLINE_CODE_WORD_MAX} characters and stays inside the column`, async ({
      page,
    }) => {
      await page.goto(E2E.path(path));
      const all = await inlineCodeLines(page);
      expect(all.length).toBeGreaterThan(0);
      // The article has a path longer than a line at this width: it must wrap, not overflow.
      expect(all.some((c) => !c.longestFits && c.lines.length > 1)).toBe(true);
      for (const code of all) {
        expect(code.overflow, code.text).toBeLessThanOrEqual(0.5);
        // A piece of a line that is not a whole word is part of a word too long to keep whole at this width.
        const words = code.text.split(/\s+/);
        const pieces = code.lines.flatMap((line) => line.split(/\s+/)).filter((piece) => !words.includes(piece));
        for (const piece of pieces) {
          const word = words.find((w) => w.includes(piece))!;
          expect(word.length, `"${code.text}": "${piece}" is a piece of "${word}"`).toBeGreaterThan(
            INLINE_CODE_WORD_MAX,
          );
        }
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
    });
  }
});
