/**
 * Incremental builds (Astro's experimental.incrementalBuild with the keys of src/lib/page-keys.ts): a build that
 * copies unchanged pages from the previous one must publish exactly what a cold build of the same content
 * publishes, byte for byte, after one article changed and after one was added. A generated archive (the bench's
 * generator, real desks, distributions, topics and series) gives related coverage, series, listings and feeds
 * something to share. 60 articles by default; `INCREMENTAL_ARTICLES=1000` runs the same gate at 1,000 by hand.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, ROOT, snapshot } from './fixture.ts';
import { generateArchive, serializeArticle, type GeneratedArticle } from '../../scripts/bench/lib/generator.ts';
import { addOnDisk, articlePath, readRefs, writeTree } from '../../scripts/bench/lib/archive.ts';
import { cacheDir } from '../../src/site.config.ts';
import { RENDER_CODE_FILE, renderCodeFingerprint } from '../../scripts/build/render-code.ts';
import { sectionOf } from '../../src/lib/sections.ts';

const SIZE = Number(process.env.INCREMENTAL_ARTICLES ?? 60);
// A build of 1,000 articles takes minutes on two busy cores.
const TIMEOUT_MS = Math.max(240_000, SIZE * 1_500);
const BUILD_DATE = '2026-11-25';

const dir = mkdtempSync(join(tmpdir(), 'downstream-incremental-'));
const tree = join(dir, 'content');
const outDir = join(dir, 'dist');
const all = generateArchive(SIZE + 1, { seed: 20261125, refs: readRefs(join(ROOT, 'content')) });
const articles = all.slice(0, SIZE);
const next = all[SIZE]!;
writeTree(tree, join(ROOT, 'content'), articles);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(resolve(ROOT, cacheDir({ CONTENT_DIR: tree })), { recursive: true, force: true });
});

const run = (force = false) => {
  const r = build(tree, outDir, { BUILD_DATE }, { args: force ? ['--force'] : [], timeoutMs: TIMEOUT_MS });
  expect(r.ok, r.output.slice(-3000)).toBe(true);
  return r.output;
};

/** Site paths of the pages Astro copied from the previous build instead of rendering them. */
const restored = (log: string) =>
  new Set([...log.matchAll(/├─ (\S+) \(restored\)/g)].map((m) => m[1]!.replace(/index\.html$/, '')));

/** The incremental build's dist/, set aside, against a cold (--force) build of the same content. */
function compareWithCold(name: string): { incremental: string } {
  const incremental = join(dir, name);
  renameSync(outDir, incremental);
  run(true);
  expect(snapshot(incremental)).toEqual(snapshot(outDir));
  return { incremental };
}

const html = (root: string, path: string) => readFileSync(join(root, path, 'index.html'), 'utf8');
const articleHtmlFiles = (root: string) =>
  readdirSync(join(root, 'articles')).map((slug) => ({ slug, text: html(root, `articles/${slug}`) }));
/** The "Related coverage" box of an article page (bodies may link other articles with their own words). */
const relatedBox = (page: string) => /<section class="related"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
const headline = (page: string) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(page)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .trim();

/** An article in a series that other articles list as related coverage: its title shows on several pages. */
function widelyShown(root: string): GeneratedArticle {
  const pages = articleHtmlFiles(root);
  const counts = articles
    .filter((a) => a.frontMatter.series)
    .map((a) => ({ a, n: pages.filter((p) => relatedBox(p.text).includes(`/articles/${a.slug}/`)).length }))
    .sort((x, y) => y.n - x.n);
  expect(counts[0]?.n, 'some article in a series is related coverage on other article pages').toBeGreaterThan(1);
  return counts[0]!.a;
}

describe(`incremental build of ${SIZE} generated articles`, () => {
  let changed: GeneratedArticle;
  const newTitle = 'Ptarmigan kernel maintainers reshape the release train';

  it('a second build of unchanged content copies every article page instead of rendering it', () => {
    run(true);
    const log = run();
    const copied = restored(log);
    for (const a of articles) expect(copied, `/articles/${a.slug}/`).toContain(`/articles/${a.slug}/`);
    changed = widelyShown(outDir);
  });

  it('after one article changed title and text, the site equals a cold build; its title shows everywhere', () => {
    const old = changed.frontMatter.title;
    writeFileSync(
      articlePath(tree, changed),
      serializeArticle({
        ...changed,
        frontMatter: { ...changed.frontMatter, title: newTitle },
        body: `${changed.body}\nA paragraph added by the incremental build test.\n`,
      }),
    );
    const log = run();
    const copied = restored(log);
    expect(copied).not.toContain(`/articles/${changed.slug}/`);
    // Most article pages neither show the changed article nor list it: they are copied.
    expect(copied.size).toBeGreaterThan(SIZE / 2);

    const { incremental } = compareWithCold('dist-changed');
    expect(headline(html(incremental, `articles/${changed.slug}`))).toBe(newTitle);
    expect(html(incremental, `articles/${changed.slug}`)).toContain('A paragraph added by the incremental build test.');
    const showing = articleHtmlFiles(incremental)
      .map((p) => ({ slug: p.slug, box: relatedBox(p.text) }))
      .filter((p) => p.box.includes(`/articles/${changed.slug}/`));
    expect(showing.length).toBeGreaterThan(1);
    for (const p of showing) {
      expect(p.box, p.slug).toContain(newTitle);
      expect(p.box, p.slug).not.toContain(old);
    }
    expect(html(incremental, `series/${changed.frontMatter.series}`)).toContain(newTitle);
  });

  it('after one article is added, the site equals a cold build; it leads the home page and its section', () => {
    addOnDisk(tree, next, BUILD_DATE);
    const log = run();
    expect(restored(log).size).toBeGreaterThan(SIZE / 2);

    const { incremental } = compareWithCold('dist-added');
    const title = next.frontMatter.title;
    expect(headline(html(incremental, `articles/${next.slug}`))).toBe(title);
    // The first card's headline: the newest article comes first on the home page and on page 1 of its section.
    const firstCard = (page: string) =>
      /<article class="card[^"]*"[^>]*>[\s\S]*?<h[23]><a[^>]*>([\s\S]*?)<\/a><\/h[23]>/.exec(page)?.[1];
    expect(firstCard(html(incremental, ''))).toBe(title);
    expect(firstCard(html(incremental, sectionOf(next.frontMatter.type).slug))).toBe(title);
  });

  it('after the rendering code changed, every page renders again and the site is the same', () => {
    // What a changed remark/rehype plugin leaves behind: a content store written by other code.
    const stamp = join(resolve(ROOT, cacheDir({ CONTENT_DIR: tree })), RENDER_CODE_FILE);
    expect(readFileSync(stamp, 'utf8').trim()).toBe(renderCodeFingerprint(ROOT));
    writeFileSync(stamp, 'written by an older version of the Markdown plugins\n');
    const before = snapshot(outDir);
    const log = run();
    expect(log).toContain('rendering every article again (--force)');
    expect(restored(log).size).toBe(0);
    expect(snapshot(outDir)).toEqual(before);
    expect(readFileSync(stamp, 'utf8').trim()).toBe(renderCodeFingerprint(ROOT));
  });
});
