import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOW = join(ROOT, '.github/workflows/pages.yml');
const VALIDATOR = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');

/** @action-validator/cli checks a workflow against GitHub's schema; exit status 0 means valid. */
function validate(file: string) {
  return spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
}

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

describe('GitHub Pages workflow', () => {
  it('passes the workflow schema validator, which refuses a broken copy', () => {
    const ok = validate(WORKFLOW);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'downstream-workflow-'));
    try {
      const broken = join(dir, 'pages.yml');
      writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('runs-on:', 'runs_on:'));
      expect(validate(broken).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds with BASE_PATH from the repository name and deploys with the official Pages actions', () => {
    const wf = parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const uses = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) {
      expect(uses).toContain(action);
    }
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env?.BASE_PATH).toContain("format('/{0}', github.event.repository.name)");
    expect(build.env?.BASE_PATH).toContain("endsWith(github.event.repository.name, '.github.io') && '/'");
    // Host files would be served as plain files by GitHub Pages: removed before the upload.
    const remove = steps.findIndex((s) => s.run?.includes('rm -f dist/_headers dist/_redirects'));
    expect(remove).toBeGreaterThan(steps.indexOf(build));
    expect(remove).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact')));
  });
});
