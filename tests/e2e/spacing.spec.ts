import { expect, test, type Locator } from '@playwright/test';
import { E2E } from './env.ts';

/**
 * Spacing defects found in the screenshots of December 2026 (home and /lifecycles/ at 375 and 1280 px, light and
 * dark), pinned by the positions a reader sees.
 */

const box = async (locator: Locator) => {
  const b = await locator.boundingBox();
  expect(b, 'the element is laid out').not.toBeNull();
  return b!;
};

test.describe('home: the lifecycle watch lines up with the lead story', () => {
  test('at 1280 px the first lifecycle panel starts level with the lead story card', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(E2E.path('/'));
    const lead = await box(page.locator('.home-lead .lead-story'));
    const panel = await box(page.locator('.home-lifecycle .panel').first());
    const leadTitle = await box(page.getByRole('heading', { name: 'Lead story' }));
    const watchTitle = await box(page.getByRole('heading', { name: 'Lifecycle watch' }));
    expect(Math.abs(watchTitle.y - leadTitle.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(panel.y - lead.y)).toBeLessThanOrEqual(1);
  });

  test('at 375 px each section title is as far from its first box as the other', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(E2E.path('/'));
    const leadTitle = await box(page.getByRole('heading', { name: 'Lead story' }));
    const lead = await box(page.locator('.home-lead .lead-story'));
    const watchTitle = await box(page.getByRole('heading', { name: 'Lifecycle watch' }));
    const panel = await box(page.locator('.home-lifecycle .panel').first());
    const leadGap = lead.y - (leadTitle.y + leadTitle.height);
    const watchGap = panel.y - (watchTitle.y + watchTitle.height);
    expect(leadGap).toBeGreaterThan(0);
    expect(Math.abs(watchGap - leadGap)).toBeLessThanOrEqual(1);
  });
});

test.describe('/lifecycles/: each section heading stands apart from what it heads', () => {
  for (const width of [375, 1280]) {
    test(`at ${width} px "Ending in the next 12 months" has room below it, and sits nearer its list than the filters above`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(E2E.path('/lifecycles/'));
      const heading = await box(page.getByRole('heading', { name: 'Ending in the next 12 months' }));
      const first = await box(page.locator('.ending-list > li').first());
      const filters = await box(page.getByRole('navigation', { name: 'Filter by family' }));
      const below = first.y - (heading.y + heading.height);
      const above = heading.y - (filters.y + filters.height);
      // At least 0.75rem (12 px) between the heading and the first entry.
      expect(below).toBeGreaterThanOrEqual(12);
      expect(above).toBeGreaterThan(below);
    });
  }
});
