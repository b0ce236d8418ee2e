import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './env.ts';

/**
 * How the lifecycle views read, as a reader sees them: dates on one line, a key that explains every bar the chart
 * draws (at 3:1 against the page in both themes), and a timeline that is a Tab stop only where it scrolls.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The dates of the "ending" list and of every lifecycle table, each with the number of lines it is drawn on. */
function dateLines(page: Page) {
  return page.locator('.ending-list time, .lifecycle-table td time').evaluateAll((ts) =>
    ts.map((t) => ({
      text: t.textContent!.trim(),
      // An inline element that wraps has one box per line.
      lines: new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size,
    })),
  );
}

for (const width of [320, 390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const path of ['/lifecycles/', '/distros/ubuntu/', '/distros/sles/']) {
      test(`${path}: no date breaks over two lines, and the page does not scroll sideways`, async ({ page }) => {
        const res = await page.goto(E2E.path(path));
        expect(res?.status()).toBe(200);
        const dates = await dateLines(page);
        expect(dates.length).toBeGreaterThan(3);
        expect(dates.filter((d) => d.lines !== 1)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }

    test('/lifecycles/: each date of the next 12 months sits in one column, with its release beside or below it', async ({
      page,
    }) => {
      await page.goto(E2E.path('/lifecycles/'));
      const rows = await page.locator('.ending-list > li').evaluateAll((lis) =>
        lis.map((li) => {
          const date = li.querySelector(':scope > time')!.getBoundingClientRect();
          const name = li.querySelector(':scope > a')!.getBoundingClientRect();
          return {
            date: { left: date.left, right: date.right, top: date.top },
            name: { left: name.left, top: name.top },
          };
        }),
      );
      expect(rows.length).toBeGreaterThan(1);
      const lefts = new Set(rows.map((r) => Math.round(r.date.left)));
      const nameLefts = new Set(rows.map((r) => Math.round(r.name.left)));
      expect(lefts.size).toBe(1);
      expect(nameLefts.size).toBe(1);
      for (const r of rows) {
        if (width >= 480) {
          // A column of dates, the release on the same line to its right.
          expect(r.name.left).toBeGreaterThan(Math.max(...rows.map((x) => x.date.right)));
          expect(Math.abs(r.name.top - r.date.top)).toBeLessThan(8);
        } else {
          expect(r.name.top).toBeGreaterThan(r.date.top);
        }
      }
    });
  });
}

/** Relative luminance and contrast ratio (WCAG 2.2), of colours as getComputedStyle gives them. */
function rgb(css: string): [number, number, number] {
  const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** How each shape is drawn: the computed paint that tells bars apart, and the colour a reader sees of it. */
function paints(shapes: Locator) {
  return shapes.evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      const visible = s.fill !== 'none' && el.tagName === 'rect' ? s.fill : s.stroke;
      return {
        style: [s.fill, s.stroke, s.strokeWidth, s.strokeDasharray, s.opacity].join(' | '),
        visible,
        opacity: Number(s.opacity),
        label: el.closest('.key')?.textContent?.trim() ?? '',
      };
    }),
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });

    for (const hub of ['/distros/ubuntu/', '/distros/debian/', '/lifecycles/']) {
      test(`${hub}: the key shows every kind of bar the chart draws, each at 3:1 against the page`, async ({
        page,
      }) => {
        await page.goto(E2E.path(hub));
        const figure = page.locator('figure.lifecycle-chart').first();
        const bars = await paints(figure.locator('.chart-scroll rect'));
        const keys = await paints(figure.locator('figcaption .key rect'));
        const now = await paints(figure.locator('.chart-scroll .now line, figcaption .key .now line'));
        expect(bars.length).toBeGreaterThan(0);

        // Every style of bar has exactly one entry in the key, and the key shows nothing the chart does not draw.
        const drawn = [...new Set(bars.map((b) => b.style))].sort();
        expect([...keys.map((k) => k.style)].sort()).toEqual(drawn);
        const labels = keys.map((k) => k.label);
        expect(new Set(labels).size).toBe(labels.length);
        for (const label of labels) expect(label).not.toBe('');
        // The "today" line is drawn as the key shows it.
        expect(new Set(now.map((n) => n.style)).size).toBe(1);

        // Non-text contrast (WCAG 1.4.11): every bar and the today line stand out from the page at 3:1 or more.
        const background = await page.evaluate(() => {
          const painted = [document.body, document.documentElement]
            .map((el) => getComputedStyle(el).backgroundColor)
            .find((c) => !/^rgba\(.*, 0\)$|^transparent$/.test(c));
          return painted ?? 'rgb(255, 255, 255)';
        });
        for (const shape of [...bars, ...now]) {
          expect(shape.opacity, shape.style).toBe(1);
          expect(contrast(shape.visible, background), `${shape.style} on ${background}`).toBeGreaterThanOrEqual(3);
        }
      });
    }
  });
}

test('a release with no announced end date ends in an arrow, and the key says what the arrow means', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(E2E.path('/distros/fedora/'));
  const figure = page.locator('figure.lifecycle-chart');
  // Fedora 44 and 43 have no end-of-life date yet: their rows end in an arrowhead at the plot's right edge.
  const rows = await figure.locator('.chart-scroll g.bar').evaluateAll((groups) =>
    groups.map((g) => {
      const bar = g.querySelector('rect.bar-full')!.getBoundingClientRect();
      const arrow = g.querySelector('path.bar-arrow')?.getBoundingClientRect();
      return {
        label: g.querySelector('.bar-label')!.textContent!.trim(),
        gap: arrow ? Math.round(arrow.left - bar.right) : null,
        arrow: arrow ? { width: Math.round(arrow.width), height: Math.round(arrow.height) } : null,
      };
    }),
  );
  const open = rows.filter((r) => r.arrow).map((r) => r.label);
  expect(open).toEqual(expect.arrayContaining(['44', '43']));
  expect(open).not.toContain('40');
  for (const r of rows.filter((row) => row.arrow)) {
    expect(r.gap, r.label).toBe(0);
    expect(r.arrow!.width, r.label).toBeGreaterThanOrEqual(6);
  }
  const key = figure.locator('figcaption .key[data-key="open"]');
  await expect(key).toHaveText('No end date announced');
  await expect(key.locator('path.bar-arrow')).toHaveCount(1);
  await expect(figure.locator('svg desc')).toContainText('44: Supported, no end date announced');
  // A hub whose releases all have dates shows no such key.
  await page.goto(E2E.path('/distros/ubuntu/'));
  await expect(page.locator('figure.lifecycle-chart figcaption .key[data-key="open"]')).toHaveCount(0);
});

test('the hub key names the ended releases it draws in outline', async ({ page }) => {
  await page.goto(E2E.path('/distros/ubuntu/'));
  const figure = page.locator('figure.lifecycle-chart');
  // Ubuntu's interim releases (nine months, one end date) have all reached their end of life by the build date.
  const ended = await figure.locator('.bar--eol').count();
  expect(ended).toBeGreaterThan(0);
  await expect(figure.locator('figcaption .key')).toContainText(['Full support', 'Ended: full support']);
  await expect(figure.locator('figcaption')).toContainText(/Today \(\d{1,2} \w+ \d{4}\)/);
});

test.describe('the timeline is a Tab stop only where it scrolls', () => {
  test('at 1280 px Tab goes past it; narrowed to 320 px it takes focus and scrolls with the arrow keys', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(E2E.path('/lifecycles/'));
    const region = page.locator('figure.lifecycle-chart .chart-scroll').first();
    expect(await region.evaluate((r) => r.scrollWidth <= r.clientWidth)).toBe(true);
    await expect(region).not.toHaveAttribute('tabindex');
    const lastBefore = page.locator('.ending-list a').last();
    await lastBefore.focus();
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => {
      const chart = document.querySelector('.chart-scroll')!;
      const active = document.activeElement!;
      return {
        isRegion: active === chart,
        follows: Boolean(chart.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
    expect(after).toEqual({ isRegion: false, follows: true });
    const axe1280 = await new AxeBuilder({ page }).withTags(TAGS).include('figure.lifecycle-chart').analyze();
    expect(axe1280.violations.map((v) => v.id)).toEqual([]);

    // A narrower window: the drawing now overflows its region, which becomes the next Tab stop.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect(region).toHaveAttribute('tabindex', '0');
    await lastBefore.focus();
    await page.keyboard.press('Tab');
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    const axe320 = await new AxeBuilder({ page }).withTags(TAGS).include('figure.lifecycle-chart').analyze();
    expect(axe320.violations.map((v) => v.id)).toEqual([]);
  });

  test('without JavaScript a phone reader can still focus the timeline and scroll it', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(E2E.path('/lifecycles/'));
    const region = page.locator('figure.lifecycle-chart .chart-scroll').first();
    await page.locator('.ending-list a').last().focus();
    await page.keyboard.press('Tab');
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});

test('hub: the lifecycle feeds read "RSS, Atom, JSON Feed." with no space before a comma or the full stop', async ({
  page,
}) => {
  await page.goto(E2E.path('/distros/ubuntu/'));
  const seen = await page.locator('.calendar-link').evaluate((p) => {
    const copy = p.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
  expect(seen).toContain('Follow its releases and end dates as they happen: RSS, Atom, JSON Feed. Read them');
  expect(seen).not.toMatch(/ [,.]/);
});
