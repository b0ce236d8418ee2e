import { execFileSync } from 'node:child_process';

/**
 * A free TCP port on 127.0.0.1, asked of the system once. It is stored in process.env.E2E_PORT by the Playwright
 * runner when it loads its config, before any worker starts, so the workers (which inherit the environment) and
 * the nginx started by global-setup all agree on it.
 */
function freePort(): string {
  const script =
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}
process.env.E2E_PORT ||= freePort();

/** Where the browser tests find the site: the build in dist/ served under BASE_PATH by a real static server. */
export const E2E = {
  /** E2E_PORT when set (to run several suites side by side on known ports), otherwise a free port. */
  port: Number(process.env.E2E_PORT),
  base: process.env.E2E_BASE ?? '/downstream/',
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  },
  /** A site path ("/articles/x/") as a URL under the deploy base. */
  path(p: string) {
    return `${this.base}${p.replace(/^\/+/, '')}`;
  },
};
