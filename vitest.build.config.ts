/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Build tests run real `astro build`s one after another (they share Astro's generated types in .astro/).
export default getViteConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
