/**
 * The article checks cache what each built page says about itself (ids, links, images; checks/page-facts-cache.ts)
 * and resolve links and anchors against the current build every time. A page Astro copied unchanged from the
 * previous build must still fail when a page it links to lost the anchor it points at, or is gone: a warm build
 * must report exactly the problems a build with an empty cache reports. A cache of each page's problems (by the
 * page's bytes) would pass the warm build here, because the linking page is byte for byte the one that passed.
 */
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, build, fixtureContent, ROOT } from './fixture.ts';
import { cacheDir } from '../../src/site.config.ts';

const { dir, contentDir } = fixtureContent({
  // Four articles published around the linking one fill its related coverage (four places), so it never shows
  // the two old articles it links to, and its page does not change when they do.
  ...Object.fromEntries(
    [1, 2, 3, 4].map((day) => [
      `articles/filler-${day}.md`,
      article(
        { title: `"Filler article number ${day} for the check cache"`, pubDate: `2024-03-0${day}` },
        `## Notes\n\nFiller text number ${day}.`,
      ),
    ]),
  ),
  'articles/linker.md': article(
    { title: '"The article whose links point at older coverage"', pubDate: '2024-03-05' },
    '## Links\n\nSee [the deep section](/articles/target/#deep-section) of the target\nand [the old piece](/articles/gone/).',
  ),
  'articles/target.md': article(
    { title: '"An old article with a deep section"', pubDate: '2019-06-01' },
    '## Deep section\n\nThe section another article links to.',
  ),
  'articles/gone.md': article(
    { title: '"An old article that will be withdrawn"', pubDate: '2019-06-02' },
    '## Body\n\nText of the withdrawn piece.',
  ),
});
const outDir = join(dir, 'dist');
const cache = resolve(ROOT, cacheDir({ CONTENT_DIR: contentDir }));
const factsFile = join(cache, 'article-checks', 'page-facts.json');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

/** The problems a failed build lists: "  <source file>:<line>: <message>". */
const problems = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^ {2}\S+\.mdx?:\d+: /.test(l))
    .map((l) => l.trim().replace(/^.*?(articles\/)/, '$1'));

const counts = (output: string) => {
  const m = /pages parsed: (\d+), facts from the cache: (\d+)/.exec(output);
  return m ? { parsed: Number(m[1]), cached: Number(m[2]) } : undefined;
};

describe('the article checks cache', () => {
  it('reports a broken anchor and link in an unchanged page, exactly as a build without the cache does', () => {
    const first = build(contentDir, outDir);
    expect(first.ok, first.output.slice(-3000)).toBe(true);
    expect(existsSync(factsFile)).toBe(true);
    expect(counts(first.output)?.cached).toBe(0);
    const linkerHtml = readFileSync(join(outDir, 'articles/linker/index.html'), 'utf8');

    // The target loses the heading the linker points at; the other old article is withdrawn.
    const target = join(contentDir, 'articles/target.md');
    writeFileSync(
      target,
      readFileSync(target, 'utf8').replace('## Deep section\n', 'Deep section, no longer a heading.\n'),
    );
    unlinkSync(join(contentDir, 'articles/gone.md'));

    const warm = build(contentDir, outDir);
    expect(warm.ok).toBe(false);
    // The linking page was copied from the previous build (same bytes), and its facts came from the cache.
    expect(warm.output).toMatch(/articles\/linker\/index\.html \(restored\)/);
    expect(counts(warm.output)?.cached).toBeGreaterThan(0);
    const expected = [
      'articles/linker.md:17: href="/downstream/articles/target/#deep-section": no element with id="deep-section" on /downstream/articles/target/',
      'articles/linker.md:18: href="/downstream/articles/gone/" points to /downstream/articles/gone/, which is not in the build',
    ];
    expect(problems(warm.output)).toEqual(expected);
    // The previous build stays published.
    expect(readFileSync(join(outDir, 'articles/linker/index.html'), 'utf8')).toBe(linkerHtml);

    // Without the cache: every page parsed, the same problems in the same order.
    rmSync(factsFile);
    const cold = build(contentDir, outDir);
    expect(cold.ok).toBe(false);
    expect(counts(cold.output)?.cached).toBe(0);
    expect(problems(cold.output)).toEqual(expected);
  });
});
