/**
 * Lighthouse (Node API, default config = mobile emulation with simulated throttling) on Debian's Chromium via
 * chrome-launcher. Lighthouse is not a dependency of the project: it lives in tools/lighthouse/ and is installed
 * there on first use. When that fails this says so and returns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTool } from '../../../tools/ensure.ts';
import { CHROMIUM } from './browser.ts';

/** The part of Lighthouse's result (LH.Result in lighthouse/types/lh.d.ts) that the benchmark reads. */
interface AuditResult {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}
interface LighthouseReport {
  lighthouseVersion: string;
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, AuditResult | undefined>;
}

export interface LighthouseResult {
  name: string;
  path: string;
  skipped?: string;
  runs?: number;
  scores?: Record<string, number | null>;
  metrics?: Record<string, number | null>;
  /** Failed audits with a weight in any category (title and display value). */
  topIssues?: string[];
  lighthouseVersion?: string;
  warnings?: string[];
}

const CATS = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  'first-contentful-paint': 'FCP ms',
  'largest-contentful-paint': 'LCP ms',
  'total-blocking-time': 'TBT ms',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI ms',
  interactive: 'TTI ms',
} as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)]!;
};

export async function loadLighthouse(): Promise<
  | {
      lighthouse: (url: string, flags: Record<string, unknown>) => Promise<{ lhr: LighthouseReport } | undefined>;
      launch: (o: Record<string, unknown>) => Promise<{ port: number; kill: () => void | Promise<void> }>;
    }
  | string
> {
  try {
    return await importTool('lighthouse');
  } catch (e) {
    return `Lighthouse could not be installed or loaded (${(e as Error).message.split('\n')[0]})`;
  }
}

export async function runLighthouse(
  origin: string,
  pages: { name: string; path: string }[],
  runs: number,
  reportDir: string,
): Promise<LighthouseResult[] | string> {
  const mod = await loadLighthouse();
  if (typeof mod === 'string') return mod;
  const out: LighthouseResult[] = [];
  for (const p of pages) {
    const url = origin + p.path;
    // Skip pages the site does not have (yet).
    const head = await fetch(url, { method: 'GET' }).catch(() => undefined);
    if (!head || head.status !== 200) {
      out.push({ name: p.name, path: p.path, skipped: `HTTP ${head?.status ?? 'error'}` });
      continue;
    }
    const perRun: {
      scores: Record<string, number | null>;
      metrics: Record<string, number | null>;
      issues: string[];
      version: string;
      warnings: string[];
    }[] = [];
    for (let i = 0; i < runs; i++) {
      const chrome = await mod.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
        logLevel: 'silent',
      });
      try {
        const res = await mod.lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATS],
        });
        if (!res) throw new Error('Lighthouse returned no result');
        const lhr = res.lhr;
        writeFileSync(join(reportDir, `${p.name.replace(/\W+/g, '-')}-${i + 1}.json`), JSON.stringify(lhr));
        const scores = Object.fromEntries(
          CATS.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
        );
        const metrics = Object.fromEntries(
          Object.entries(METRICS).map(([id, label]) => {
            const v = lhr.audits[id]?.numericValue;
            return [
              label,
              v == null ? null : id === 'cumulative-layout-shift' ? Math.round(v * 1000) / 1000 : Math.round(v),
            ];
          }),
        );
        const weighted = new Set<string>();
        for (const c of CATS)
          for (const ref of lhr.categories[c]?.auditRefs ?? []) if (ref.weight > 0) weighted.add(ref.id);
        const issues = [...weighted]
          .map((id) => lhr.audits[id])
          .filter(
            (a): a is AuditResult =>
              a !== undefined &&
              a.score !== null &&
              a.score < 0.9 &&
              a.scoreDisplayMode !== 'notApplicable' &&
              a.scoreDisplayMode !== 'informative',
          )
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        perRun.push({ scores, metrics, issues, version: lhr.lighthouseVersion, warnings: lhr.runWarnings ?? [] });
      } finally {
        await chrome.kill();
      }
    }
    const pick = (k: 'scores' | 'metrics') =>
      Object.fromEntries(
        Object.keys(perRun[0]![k]).map((key) => [
          key,
          median(perRun.map((r) => r[k][key]).filter((v): v is number => v != null)),
        ]),
      );
    out.push({
      name: p.name,
      path: p.path,
      runs,
      scores: pick('scores'),
      metrics: pick('metrics'),
      topIssues: perRun[0]!.issues,
      lighthouseVersion: perRun[0]!.version,
      warnings: perRun[0]!.warnings,
    });
  }
  return out;
}
