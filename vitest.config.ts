/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    coverage: {
      provider: 'v8',
      // The TypeScript that unit tests can reach: pure logic, schemas, build hooks' helpers. Components, pages and
      // the browser scripts are covered by the build and browser tests instead.
      include: ['src/**/*.ts'],
      exclude: ['src/scripts/**', 'src/pages/**', 'src/env.d.ts'],
      reporter: ['text-summary', 'html'],
      // A little under what the suite reaches (30 November 2026, after merging everyone's work: 75.6 % statements,
      // 70.9 % branches, 76.0 % functions, 76.6 % lines), so that `npm run test:unit` fails when new code arrives
      // without tests. Raise them as coverage grows.
      thresholds: { statements: 73, branches: 68, functions: 73, lines: 74 },
      reportsDirectory: 'coverage',
    },
  },
});
