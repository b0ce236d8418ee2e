import type { Page } from '@playwright/test';

/**
 * Records every text an element shows from now on (the search status lines change several times per query, faster
 * than a poll can see). Returns a function that reads the texts recorded so far, in order.
 */
export async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  const key = `texts:${selector}`;
  await page.evaluate(
    ({ selector, key }) => {
      const log: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = log;
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no element matches ${selector}`);
      new MutationObserver(() => log.push(el.textContent ?? '')).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    },
    { selector, key },
  );
  return () => page.evaluate((key) => [...(window as unknown as Record<string, string[]>)[key]!], key);
}
