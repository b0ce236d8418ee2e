import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E } from './tests/e2e/env.ts';

// Debian's Chromium where present (Playwright cannot download browsers on our machines); Playwright's own elsewhere.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(chromium) ? chromium : undefined;

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: true,
  // The same on a laptop as in CI, so `npm test` takes no longer locally than it does there.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // The first search on a page loads Pagefind's WebAssembly and index; give it room on a busy 2-core machine.
  expect: { timeout: 10_000 },
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL: E2E.origin,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
