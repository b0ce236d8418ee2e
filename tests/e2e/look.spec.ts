import { expect, test, type Page } from '@playwright/test';
import { E2E } from './env.ts';
import { PAGE_TYPES } from './page-types.ts';

/**
 * Defects found by looking at the screenshot suite and Lighthouse, each pinned by what a reader sees so it cannot
 * come back unnoticed.
 */

/** Sum of the layout shifts not caused by input, as Lighthouse counts them (CLS), from page load on. */
async function observeLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

test.describe('search results arriving move nothing', () => {
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1280, height: 800 },
  ]) {
    test(`at ${viewport.width} px the footer is not pushed down when results come in`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const cls = await observeLayoutShifts(page);
      await page.goto(E2E.path('/search/?q=ubuntu'));
      await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
      // Let the results finish rendering (excerpts, more results) before reading the total.
      await page.waitForTimeout(500);
      const total = await cls();
      test.info().annotations.push({ type: `CLS at ${viewport.width} px`, description: total.toFixed(3) });
      expect(total).toBeLessThan(0.01);
    });
  }
});

test('home: each upcoming end of support reads "release “codename”: what ends", no space before the colon', async ({
  page,
}) => {
  await page.goto(E2E.path('/'));
  const entries = page.locator('section[aria-labelledby="deadlines-title"] li');
  const n = await entries.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const entry = entries.nth(i);
    const release = (await entry.getByRole('link').textContent())!.trim();
    const date = (await entry.locator('time').textContent())!.trim();
    const text = (await entry.textContent())!.replace(date, '').replace(/\s+/g, ' ').trim();
    const escaped = release.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(new RegExp(`^${escaped}( “[^”]+”)?: (end of life|full support ends)$`));
  }
});

test('an article timeline has each dot on its line', async ({ page }) => {
  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  const timeline = page.locator('.prose .timeline').first();
  await expect(timeline).toBeVisible();
  const offsets = await timeline.evaluate((ol) => {
    const line = ol.getBoundingClientRect().left + parseFloat(getComputedStyle(ol).borderLeftWidth) / 2;
    return [...ol.querySelectorAll<HTMLElement>(':scope > .timeline__entry')].map((li) => {
      const dot = getComputedStyle(li, '::before');
      const centre = li.getBoundingClientRect().left + parseFloat(dot.left) + parseFloat(dot.width) / 2;
      return Math.abs(centre - line);
    });
  });
  expect(offsets.length).toBeGreaterThan(1);
  for (const d of offsets) expect(d).toBeLessThan(2);
});

test.describe('a distribution hub on a phone', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('each fact has its label above it and the answer gets the panel width', async ({ page }) => {
    await page.goto(E2E.path('/distros/ubuntu/'));
    const facts = page.locator('section[aria-labelledby="facts-title"] dl.facts');
    const width = (await facts.boundingBox())!.width;
    const pairs = await facts.evaluate((dl) =>
      [...dl.querySelectorAll('dt')].map((dt) => {
        const dd = dt.nextElementSibling!.getBoundingClientRect();
        const t = dt.getBoundingClientRect();
        return { label: dt.textContent, ddTop: dd.top, dtBottom: t.bottom, ddWidth: dd.width };
      }),
    );
    expect(pairs.map((p) => p.label)).toContain('Release model');
    for (const p of pairs) {
      expect(p.ddTop, p.label!).toBeGreaterThanOrEqual(p.dtBottom - 1);
      expect(p.ddWidth, p.label!).toBeGreaterThan(width * 0.95);
    }
  });

  test('the release table reads "source, checked <date>", with no space before the comma', async ({ page }) => {
    await page.goto(E2E.path('/distros/ubuntu/'));
    const lines = page.locator('.lifecycle-table .source-line');
    expect(await lines.count()).toBeGreaterThan(0);
    for (const text of await lines.allTextContents()) {
      expect(text).toMatch(/^source: [^,]+, Ubuntu [\d.]+(, checked \d{1,2} [A-Z][a-z]+ \d{4})?$/);
    }
  });
});

test('hub: "Latest: <point release>, <date>", with no space before the comma', async ({ page }) => {
  await page.goto(E2E.path('/distros/ubuntu/'));
  const lines = await page.locator('.lifecycle-table .latest-line').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  for (const text of lines) expect(text).toMatch(/^Latest: [\w.-]+(, \d{1,2} [A-Z][a-z]+ \d{4})?$/);
});

test('lifecycles: every family filter leads to at least one release', async ({ page }) => {
  await page.goto(E2E.path('/lifecycles/'));
  const labels = await page.getByRole('navigation', { name: 'Filter by family' }).getByRole('link').allInnerTexts();
  expect(labels[0]).toBe('All families');
  expect(labels.length).toBeGreaterThan(1);
  for (const label of labels.slice(1)) expect(label).toMatch(/ \([1-9]\d*\)$/);
});

test('lifecycles: "Full support ends; security fixes until <date>", no space before the semicolon', async ({
  page,
}) => {
  await page.goto(E2E.path('/lifecycles/'));
  const whats = await page.locator('.ending-list .what').allTextContents();
  expect(whats.some((w) => w.includes('security fixes until'))).toBe(true);
  for (const w of whats) {
    expect(w).toMatch(/^(End of life|Full support ends(; security fixes until \d{1,2} [A-Z][a-z]+ \d{4})?)$/);
  }
});

test.describe('the 404 page on a phone', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('the search box fills the row with its button beside it', async ({ page }) => {
    await page.goto(E2E.path('/no-such-page/'));
    const box = (await page.getByLabel('Search the coverage instead').boundingBox())!;
    const button = (await page.locator('.notfound-search').getByRole('button', { name: 'Search' }).boundingBox())!;
    expect(Math.abs(button.y - box.y)).toBeLessThan(4);
    expect(button.x).toBeGreaterThanOrEqual(box.x + box.width);
    expect(button.x + button.width).toBeLessThanOrEqual(320 - 15);
    expect(box.width).toBeGreaterThan(180);
  });
});

test('series index: "4 articles, newest <date>" reads as one phrase, the date a space after "newest"', async ({
  page,
}) => {
  await page.goto(E2E.path('/series/'));
  const metas = page.locator('.series-index .meta');
  expect(await metas.count()).toBeGreaterThan(0);
  for (const meta of await metas.all()) {
    const text = (await meta.textContent())!.replace(/\s+/g, ' ').trim();
    expect(text).toMatch(/^\d+ articles?, newest \d{1,2} [A-Z][a-z]+ \d{4}$/);
    const gap = await meta.evaluate((p) => {
      const time = p.querySelector('time')!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      while (walker.nextNode())
        if (walker.currentNode.textContent!.includes('newest')) node = walker.currentNode as Text;
      const range = document.createRange();
      const at = node!.textContent!.indexOf('newest');
      range.setStart(node!, at);
      range.setEnd(node!, at + 'newest'.length);
      return time.getBoundingClientRect().left - range.getBoundingClientRect().right;
    });
    expect(gap).toBeLessThan(8);
  }
});

test('home: the dates of the lifecycle lists stand out from the names (bold small capitals)', async ({ page }) => {
  await page.goto(E2E.path('/'));
  const dates = page.locator('.dated-list time');
  expect(await dates.count()).toBeGreaterThan(0);
  const style = await dates.first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { weight: s.fontWeight, transform: s.textTransform };
  });
  expect(style).toEqual({ weight: '700', transform: 'uppercase' });
});

test('breadcrumbs: each "/" sits midway between two crumbs', async ({ page }) => {
  await page.goto(E2E.path('/series/'));
  const gaps = await page.locator('.breadcrumbs li:not(:last-child)').evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector('a')!.getBoundingClientRect();
      const next = li.nextElementSibling!.getBoundingClientRect();
      const slash = parseFloat(getComputedStyle(li, '::after').width) || 0;
      const item = li.getBoundingClientRect();
      // Space between the link and the slash, and between the slash and the next crumb.
      return { before: item.right - link.right - slash, after: next.left - item.right };
    }),
  );
  expect(gaps.length).toBeGreaterThan(0);
  for (const g of gaps) expect(Math.abs(g.before - g.after)).toBeLessThan(1.5);
});

test('feeds page at 320 px: addresses break only after a "/" or a hyphen, and the copy buttons are at least 32 px tall', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(E2E.path('/feeds/'));
  await page
    .locator('.feed-group details')
    .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const addresses = await page.locator('code[data-copy-url]').evaluateAll((codes) =>
    codes.map((code) => {
      // Each piece between two "/" is its own text node: split across lines, it has two boxes. The browser may
      // also break after a hyphen ("centos-|linux/"), never inside a word ("downstrea|m/").
      const split = [...code.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .filter((n) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          return range.getClientRects().length > 1 && !n.textContent!.includes('-');
        })
        .map((n) => n.textContent);
      return { text: code.textContent!, split };
    }),
  );
  expect(addresses.length).toBeGreaterThan(10);
  for (const a of addresses) {
    expect(a.text).toMatch(/^https?:\/\/\S+$/);
    expect(a.split, a.text).toEqual([]);
  }
  const heights = await page
    .getByRole('button', { name: /^Copy URL of / })
    .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
  expect(heights.length).toBe(addresses.length);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(32);
});

test('lifecycles: the lists of other distributions read "A, B, C." with no space before a comma or the full stop', async ({
  page,
}) => {
  await page.goto(E2E.path('/lifecycles/'));
  const lines = await page.locator('p.others').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const text = line.replace(/\s+/g, ' ').trim();
    expect(text).not.toMatch(/ [,.]/);
    expect(text).toMatch(/: [^:]+\.$/);
  }
});

test('article: each related article has its date on a line of its own below the headline, smaller and muted', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(E2E.path('/articles/almalinux-abi-compatibility/'));
  const items = await page.locator('.related li').evaluateAll((lis) =>
    lis.map((li) => {
      const a = li.querySelector('a')!;
      const t = li.querySelector('time')!;
      const [as, ts] = [getComputedStyle(a), getComputedStyle(t)];
      return {
        linkBottom: a.getBoundingClientRect().bottom,
        linkLeft: a.getBoundingClientRect().left,
        dateTop: t.getBoundingClientRect().top,
        dateLeft: t.getBoundingClientRect().left,
        linkSize: parseFloat(as.fontSize),
        dateSize: parseFloat(ts.fontSize),
        dateColour: ts.color,
        textColour: getComputedStyle(li).color,
      };
    }),
  );
  expect(items.length).toBeGreaterThan(0);
  for (const i of items) {
    expect(i.dateTop).toBeGreaterThanOrEqual(i.linkBottom - 1);
    expect(Math.abs(i.dateLeft - i.linkLeft)).toBeLessThan(1);
    expect(i.dateSize).toBeLessThan(i.linkSize);
    expect(i.dateColour).not.toBe(i.textColour);
  }
});

test.describe('a distribution hub at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('the search of its coverage keeps its button inside the page margin, beside the field', async ({ page }) => {
    await page.goto(E2E.path('/distros/ubuntu/'));
    const form = page.getByRole('search', { name: 'Search coverage of Ubuntu' });
    const field = (await form.getByRole('searchbox').boundingBox())!;
    const button = (await form.getByRole('button', { name: 'Search' }).boundingBox())!;
    const panel = (await page.locator('.hub-grid .panel').first().boundingBox())!;
    expect(Math.abs(button.y - field.y)).toBeLessThan(4);
    expect(button.x).toBeGreaterThanOrEqual(field.x + field.width);
    // The same right edge as the facts panel below it: the page margin.
    expect(button.x + button.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    expect(field.x).toBeGreaterThanOrEqual(panel.x - 0.5);
  });
});

test.describe('dates at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('no date on any page type breaks over two lines ("30" / "March 2021"), and no page scrolls sideways', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const broken: string[] = [];
    let seen = 0;
    for (const path of Object.values(PAGE_TYPES)) {
      await page.goto(E2E.path(path));
      const dates = await page.locator('time').evaluateAll((ts) =>
        ts
          .filter((t) => t.getClientRects().length > 0)
          .map((t) => ({
            text: t.textContent!.trim(),
            // An inline element that wraps has one box per line.
            lines: new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size,
          })),
      );
      seen += dates.length;
      for (const d of dates) if (d.lines > 1) broken.push(`${path}: ${d.text}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    expect(seen).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });
});
