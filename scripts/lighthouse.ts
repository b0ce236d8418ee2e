/**
 * `npm run lighthouse -- <url> [lighthouse flags]`: the Lighthouse CLI on Debian's Chromium, headless, with the
 * Lighthouse version pinned in tools/lighthouse/ (installed there on first use). With no flags it prints the
 * scores of the four categories and writes the HTML report to test-results/lighthouse/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTool } from '../tools/ensure.ts';
import { CHROMIUM } from './bench/lib/browser.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.log(`usage: npm run lighthouse -- <url> [lighthouse flags]
  e.g. npm run lighthouse -- http://127.0.0.1:4406/downstream/ --preset=desktop
  Runs Lighthouse (tools/lighthouse/, installed on first use) in ${CHROMIUM}.
  Without --output* flags: HTML and JSON reports in test-results/lighthouse/, category scores printed.`);
  process.exit(args.length === 0 ? 2 : 0);
}

const dir = ensureTool('lighthouse');
const defaults: string[] = [];
const out = join('test-results', 'lighthouse');
let report: string | undefined;
if (!args.some((a) => a.startsWith('--chrome-flags'))) defaults.push('--chrome-flags=--headless=new --no-sandbox');
if (!args.some((a) => a.startsWith('--output'))) {
  mkdirSync(out, { recursive: true });
  // Two formats: Lighthouse writes <path>.report.html and <path>.report.json.
  defaults.push('--output=html', '--output=json', `--output-path=${join(out, 'lighthouse')}`);
  report = join(out, 'lighthouse.report.json');
}
if (!args.some((a) => a.startsWith('--only-categories'))) {
  defaults.push('--only-categories=performance,accessibility,best-practices,seo');
}
const run = spawnSync(process.execPath, [join(dir, 'node_modules/lighthouse/cli/index.js'), ...args, ...defaults], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: CHROMIUM },
});
if (run.status === 0 && report && existsSync(report)) {
  const lhr = JSON.parse(readFileSync(report, 'utf8')) as {
    finalDisplayedUrl: string;
    categories: Record<string, { title: string; score: number | null }>;
  };
  console.log(`Lighthouse ${lhr.finalDisplayedUrl}`);
  for (const c of Object.values(lhr.categories)) {
    console.log(`  ${c.title}: ${c.score === null ? 'n/a' : Math.round(c.score * 100)}`);
  }
  console.log(`  reports: ${report.replace(/json$/, 'html')} and .json`);
}
process.exit(run.status ?? 1);
