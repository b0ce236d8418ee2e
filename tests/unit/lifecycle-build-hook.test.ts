import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import lifecycleData from '../../src/integrations/lifecycle-data.ts';

/** A string as a regular expression that matches exactly it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A content tree with the fixture distribution database (tests/fixtures/lifecycle-hook/distros/, not the real one,
 * so verifying or correcting a date in content/distros/ never changes what this test expects) and one article.
 */
function contentWith(article: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-hook-'));
  cpSync('tests/fixtures/lifecycle-hook/distros', join(dir, 'distros'), { recursive: true });
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

// The six-month review window is counted back from the build clock: pin it, so the fixture's "verified" dates are
// as old as the test says whatever day it runs.
beforeAll(() => {
  vi.stubEnv('BUILD_DATE', '2026-11-25');
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the lifecycle build hook', () => {
  // The content tree is a temporary folder, not content/: every message names the files of that tree.
  it('fails the build on an unknown release, naming the article file and line, the distribution file and the releases that exist', () => {
    dir = contentWith('---\ntitle: x\n---\n\nIntro.\n\nSupport ends on <SupportEnd distro="debian" release="14" />.\n');
    const file = relative(process.cwd(), join(dir, 'articles', 'story.mdx'));
    const distroFile = relative(process.cwd(), join(dir, 'distros', 'debian.yaml'));
    expect(distroFile).not.toMatch(/^content\//);
    expect(() => runHook(dir)).toThrow(
      `${file}:7: <SupportEnd>: Debian GNU/Linux has no release "14" in ${distroFile}: use one of 13, 12`,
    );
  });
  it('names the distribution file of the tree when an article asks for a date the database lacks', () => {
    dir = contentWith('---\ntitle: x\n---\n\n<EndsIn distro="fedora" release="44" field="supportEnd" />\n');
    const distroFile = relative(process.cwd(), join(dir, 'distros', 'fedora.yaml'));
    expect(() => runHook(dir)).toThrow(
      new RegExp(`story\\.mdx:5: <EndsIn>: Fedora Linux 44 has no supportEnd in ${literal(distroFile)}; state it`),
    );
  });
  it('fails the build on a release-news article whose release: is not in the database, naming file, field and fix', () => {
    dir = contentWith('---\ntitle: x\ndistros: [fedora]\nrelease: { distro: fedora, version: "1" }\n---\n\nText.\n');
    const file = relative(process.cwd(), join(dir, 'articles', 'story.mdx'));
    const distros = relative(process.cwd(), join(dir, 'distros'));
    expect(() => runHook(dir)).toThrow(
      new RegExp(
        `${literal(file)}: release\\.version: Fedora Linux has no release "1" in ${literal(`${distros}/fedora.yaml`)}: use one of 44, 43, or remove release: from the front matter`,
      ),
    );
    dir = contentWith('---\ntitle: x\nrelease: { distro: fedoar, version: "44" }\n---\n\nText.\n');
    expect(() => runHook(dir)).toThrow(
      /story\.mdx: release\.distro: unknown distribution "fedoar": use one of debian, fedora\b/,
    );
    dir = contentWith('---\ntitle: x\nrelease: fedora 44\n---\n\nText.\n');
    const folder = `${relative(process.cwd(), join(dir, 'distros'))}/`;
    expect(() => runHook(dir)).toThrow(
      new RegExp(
        `story\\.mdx: release: write release: \\{ distro: <id from ${literal(folder)}>, version: "<version>" \\}`,
      ),
    );
  });
  it('accepts a release: that the database has', () => {
    dir = contentWith('---\ntitle: x\nrelease: { distro: fedora, version: "44" }\n---\n\nText.\n');
    expect(() => runHook(dir)).not.toThrow();
  });
  it('passes valid articles and lists unverified dates as warnings, not failures', () => {
    dir = contentWith('---\ntitle: x\n---\n\nSupport ends on <SupportEnd distro="debian" release="12" />.\n');
    const warnings = runHook(dir);
    const distros = relative(process.cwd(), join(dir, 'distros'));
    // Of the fixture's six dates, two are due: one never verified, one last verified ten months before the build.
    expect(warnings).toEqual([
      `2 of 6 lifecycle dates not verified in the last 6 months (listed on /editors/lifecycle-review/):\n` +
        `  ${distros}/debian.yaml 12 supportEnd 2026-06-10: verified more than 6 months ago\n` +
        `  ${distros}/debian.yaml 12 eol 2028-06-30: never verified`,
    ]);
  });
});
