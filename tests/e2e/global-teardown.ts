import { execFileSync } from 'node:child_process';

/** Stops nginx even when setup's own teardown did not run (e.g. an interrupted run). */
export default function globalTeardown() {
  const prefix = process.env.DOWNSTREAM_NGINX_PREFIX;
  if (!prefix) return;
  try {
    execFileSync('nginx', ['-p', prefix, '-c', 'conf/nginx.conf', '-s', 'stop'], { stdio: 'ignore' });
  } catch {
    /* already stopped by setup's teardown */
  }
}
