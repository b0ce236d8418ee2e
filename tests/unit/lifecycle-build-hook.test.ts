import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import lifecycleData from '../../src/integrations/lifecycle-data.ts';

/** A content tree with the real distribution database and one article written by the test. */
function contentWith(article: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-hook-'));
  cpSync('content/distros', join(dir, 'distros'), { recursive: true });
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'story.mdx'), article);
  return dir;
}

function runHook(dir: string) {
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m), info: () => {} };
  const hook = lifecycleData({ contentDir: dir }).hooks['astro:build:start'] as (o: unknown) => void;
  hook({ logger });
  return warnings;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the lifecycle build hook', () => {
  it('fails the build on an unknown release, naming the article file and line and the releases that exist', () => {
    dir = contentWith('---\ntitle: x\n---\n\nIntro.\n\nSupport ends on <SupportEnd distro="debian" release="14" />.\n');
    const file = relative(process.cwd(), join(dir, 'articles', 'story.mdx'));
    expect(() => runHook(dir)).toThrow(
      `${file}:7: <SupportEnd>: Debian GNU/Linux has no release "14" in content/distros/debian.yaml: use one of 13, 12, 11, 10`,
    );
  });
  it('fails the build on a release-news article whose release: is not in the database, naming file, field and fix', () => {
    dir = contentWith('---\ntitle: x\ndistros: [fedora]\nrelease: { distro: fedora, version: "1" }\n---\n\nText.\n');
    const file = relative(process.cwd(), join(dir, 'articles', 'story.mdx'));
    expect(() => runHook(dir)).toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: release\\.version: Fedora Linux has no release "1" in content/distros/fedora\\.yaml: use one of 44, [0-9, ]+, or remove release: from the front matter`,
      ),
    );
    dir = contentWith('---\ntitle: x\nrelease: { distro: fedoar, version: "44" }\n---\n\nText.\n');
    expect(() => runHook(dir)).toThrow(
      /story\.mdx: release\.distro: unknown distribution "fedoar": use one of almalinux, /,
    );
    dir = contentWith('---\ntitle: x\nrelease: fedora 44\n---\n\nText.\n');
    expect(() => runHook(dir)).toThrow(
      /story\.mdx: release: write release: \{ distro: <id from content\/distros\/>, version: "<version>" \}/,
    );
  });
  it('accepts a release: that the database has', () => {
    dir = contentWith('---\ntitle: x\nrelease: { distro: fedora, version: "44" }\n---\n\nText.\n');
    expect(() => runHook(dir)).not.toThrow();
  });
  it('passes valid articles and lists unverified dates as warnings, not failures', () => {
    dir = contentWith('---\ntitle: x\n---\n\nSupport ends on <SupportEnd distro="debian" release="12" />.\n');
    const warnings = runHook(dir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\d+ of \d+ lifecycle dates not verified in the last 6 months/);
    expect(warnings[0]).toContain('content/distros/opensuse-leap.yaml 16.0 eol 2027-10-31: never verified');
  });
});
