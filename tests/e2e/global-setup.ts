import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { E2E } from './env.ts';
import { startNginx } from './nginx.ts';

/** The browser suite runs against one build of the site (npm run build:e2e), served by nginx under the base path. */
export default function globalSetup() {
  const index = resolve(import.meta.dirname, '../../dist/index.html');
  if (!existsSync(index)) throw new Error('dist/ is missing: run `npm run build:e2e` before the browser tests');
  const html = readFileSync(index, 'utf8');
  if (!html.includes(`href="${E2E.base}`)) {
    throw new Error(`dist/ was not built for BASE_PATH=${E2E.base}: run \`npm run build:e2e\``);
  }
  const site = startNginx({ port: E2E.port, base: E2E.base });
  process.env.DOWNSTREAM_NGINX_PREFIX = site.prefix;
  return () => site.stop();
}
