/**
 * What `npm run build` leaves in dist/: the complete new site, or the previous one byte for byte. Failures,
 * Ctrl-C (SIGINT) and SIGKILL during rendering and during indexing; a second build while one runs; and no file of
 * any build, successful or failed, holding the text of a draft or a scheduled article.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { article, BUILD, build, buildEnv, fixtureContent, ROOT, snapshot } from './fixture.ts';

// Words that appear nowhere but in the bodies of unpublished articles.
const DRAFT_TEXT = 'quokkaverse draft paragraph';
const SCHEDULED_TEXT = 'pangolinrise embargoed paragraph';

const { dir, contentDir } = fixtureContent({
  'articles/unpublished-draft.md': article({ title: '"A draft"', draft: 'true' }, `## Draft\n\nThe ${DRAFT_TEXT}.`),
  'articles/unpublished-scheduled.md': article(
    { title: '"An embargoed story"', pubDate: '2027-01-05', scheduled: 'true' },
    `## Embargo\n\nThe ${SCHEDULED_TEXT}.`,
  ),
});
const outDir = join(dir, 'dist');

/** Files anywhere beside the content (dist/, staging leftovers) that contain unpublished text, compressed or not. */
function filesWith(words: string[]): string[] {
  const found: string[] = [];
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(d.parentPath, d.name);
    if (!d.isFile() || path.startsWith(contentDir)) continue;
    const raw = readFileSync(path);
    // Pagefind's index and fragments are gzip files: read what a search client would read.
    const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('latin1');
    if (words.some((w) => text.includes(w))) found.push(path.slice(dir.length));
  }
  return found;
}
const leaks = () => filesWith([DRAFT_TEXT, SCHEDULED_TEXT]);

/** Whatever is beside dist/ after a build: only dist/ and the content, no staging folder, no aside copy. */
const beside = () => readdirSync(dir).sort();

/** Starts `npm run build` and resolves its output and exit status; `until` resolves when a line appears. */
function start(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BUILD, '--out', outDir], {
    cwd: ROOT,
    env: buildEnv(contentDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += stripVTControlCharacters(d.toString());
    for (const w of waiters.filter((w) => w.pattern.test(output))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, output })),
  );
  const until = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(output)) return resolve();
      waiters.push({ pattern, resolve });
      void done.then(() => reject(new Error(`build ended before ${pattern}:\n${output}`)));
    });
  return { child, done, until };
}

/** Processes still running on the given staging folder (an Astro orphaned by a SIGKILL would be one). */
function processesUsing(needle: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) pids.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return pids;
}

const waitUntil = async (ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !ok();) await new Promise((r) => setTimeout(r, 100));
  return ok();
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dist/ is the last complete build', () => {
  let good: Record<string, string>;

  it('a successful build publishes only public files and no unpublished text', () => {
    const b = build(contentDir, outDir);
    expect(b.ok, b.output).toBe(true);
    expect(beside()).toEqual(['content', 'dist']);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js')), 'the index is written by npm run build').toBe(true);
    expect(readdirSync(outDir).filter((f) => f.startsWith('.') && f !== '.htaccess')).toEqual([]);
    expect(leaks()).toEqual([]);
    // The scan sees published text where it is: pages, feeds and Pagefind's compressed fragments.
    const published = filesWith(['zebrafruit payload']);
    expect(published).toContain('/dist/articles/fixture-markup/index.html');
    expect(published.some((f) => f.startsWith('/dist/pagefind/fragment/'))).toBe(true);
    good = snapshot(outDir);
  });

  it('a build that fails after rendering leaves dist/ byte for byte, and no unpublished text anywhere', () => {
    writeFileSync(
      join(contentDir, 'articles/broken-link.md'),
      article({ title: '"A broken link"' }, '## Link\n\nSee [nothing](/articles/nowhere/).'),
    );
    const b = build(contentDir, outDir);
    expect(b.ok, b.output).toBe(false);
    expect(b.output).toMatch(/broken-link\.md:\d+: href="\/downstream\/articles\/nowhere\/"/);
    expect(b.output).toContain('The previous build output is unchanged.');
    expect(snapshot(outDir)).toEqual(good);
    expect(beside()).toEqual(['content', 'dist']);
    expect(leaks()).toEqual([]);
    rmSync(join(contentDir, 'articles/broken-link.md'));
  });

  // A change the interrupted builds would publish if they got through.
  const changed = () =>
    writeFileSync(join(contentDir, 'articles/new-story.md'), article({ title: '"A new story"' }, '## New\n\nNews.'));

  it("Astro's process running out of its heap cap fails naming the step, the cap and the fix; dist/ stays byte for byte", () => {
    changed();
    const b = build(contentDir, outDir, { DOWNSTREAM_ASTRO_HEAP_MB: '32' });
    expect(b.ok, b.output).toBe(false);
    // V8's own words are in the log, and the build's last lines say what they mean for the reader.
    expect(b.output).toContain('JavaScript heap out of memory');
    expect(b.output).toContain('[build] astro build with a V8 heap cap of 32 MiB (DOWNSTREAM_ASTRO_HEAP_MB)');
    expect(b.output.trimEnd().split('\n').slice(-2)).toEqual([
      expect.stringMatching(
        /^\[build\] FAILED: astro build ran out of JavaScript heap during startup \(before content sync\): its V8 heap cap is 32 MiB \(from DOWNSTREAM_ASTRO_HEAP_MB\)\. Raise it, e\.g\. DOWNSTREAM_ASTRO_HEAP_MB=2560 npm run build /,
      ),
      '[build] The previous build output is unchanged.',
    ]);
    expect(snapshot(outDir)).toEqual(good);
    expect(beside()).toEqual(['content', 'dist']);
    rmSync(join(contentDir, 'articles/new-story.md'));
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`${signal} while Astro renders pages leaves dist/ byte for byte`, async () => {
      changed();
      const b = start();
      await b.until(/├─ \/.+index\.html/);
      const staging = readdirSync(dir).find((f) => f === '.dist.staging');
      expect(staging, 'pages are being written to a staging folder').toBeDefined();
      b.child.kill(signal);
      const r = await b.done;
      if (signal === 'SIGINT') {
        expect(r.code).toBe(130);
        expect(r.output).toContain('stopped by SIGINT: dist/ is unchanged');
      } else expect(r.signal).toBe('SIGKILL');
      // Astro stops with the orchestrator, even when that one could not clean up.
      expect(await waitUntil(() => processesUsing(staging!).length === 0, 5000)).toBe(true);
      expect(snapshot(outDir)).toEqual(good);
      if (signal === 'SIGINT') {
        expect(beside()).toEqual(['content', 'dist']);
        expect(leaks()).toEqual([]);
      } else {
        // Nothing could clean up after a SIGKILL: the hidden staging folder stays until the next build removes it
        // (last test). dist/ itself holds nothing unpublished.
        expect(leaks().filter((f) => f.startsWith('/dist/'))).toEqual([]);
      }
    });
  }

  it('SIGINT while Pagefind indexes leaves dist/ byte for byte; a second build meanwhile is refused', async () => {
    const b = start({ DOWNSTREAM_BUILD_HOLD: 'index' });
    await b.until(/holding in step "index"/);
    expect(existsSync(join(dir, '.dist.staging', 'pagefind', 'pagefind.js'))).toBe(true);

    const second = build(contentDir, outDir);
    expect(second.ok).toBe(false);
    expect(second.output).toMatch(
      new RegExp(`another build is running in this checkout \\(pid ${b.child.pid}, started [^)]+\\)`),
    );
    expect(second.output).toContain('Wait for it to finish and run the build again.');

    b.child.kill('SIGINT');
    expect((await b.done).code).toBe(130);
    expect(snapshot(outDir)).toEqual(good);
    expect(beside()).toEqual(['content', 'dist']);
    expect(existsSync(join(ROOT, '.build.lock')), 'the lock is released').toBe(false);
  });

  it('SIGKILL while Pagefind indexes leaves dist/ byte for byte; the next build recovers and publishes', async () => {
    const b = start({ DOWNSTREAM_BUILD_HOLD: 'index' });
    await b.until(/holding in step "index"/);
    b.child.kill('SIGKILL');
    await b.done;
    expect(snapshot(outDir)).toEqual(good);
    expect(existsSync(join(ROOT, '.build.lock')), 'a killed build cannot release its lock').toBe(true);

    // The lock of a dead build is stale: the next build takes it, removes the abandoned staging folder, publishes.
    const next = build(contentDir, outDir);
    expect(next.ok, next.output).toBe(true);
    expect(beside()).toEqual(['content', 'dist']);
    expect(existsSync(join(outDir, 'articles/new-story/index.html'))).toBe(true);
    expect(snapshot(outDir)).not.toEqual(good);
    expect(leaks()).toEqual([]);
  });
});
