/**
 * Each gate of the build, proven able to fail: real `astro build` runs over fixture content with one defect each.
 * Every failure must name the file (and line or field), say what to fix, and leave no output to deploy.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, buildFixture, ROOT, type FixtureBuild } from './fixture.ts';

const expectFailure = (b: FixtureBuild, ...messages: (string | RegExp)[]) => {
  expect(b.ok, b.output).toBe(false);
  for (const m of messages) expect(b.output).toMatch(m);
  expect(existsSync(b.outDir), 'a failed build must not leave output behind').toBe(false);
};

describe('build gates', () => {
  let good: FixtureBuild;
  it('the fixture itself builds', () => {
    good = buildFixture();
    expect(good.ok, good.output).toBe(true);
    expect(existsSync(join(good.outDir, 'articles/fixture-good/index.html'))).toBe(true);
  });

  it('fails on an internal link that points nowhere, naming file and line', () => {
    const b = buildFixture({
      'articles/broken-link.md': article({}, '## Intro\n\nSee [this](/articles/does-not-exist/).'),
    });
    expectFailure(
      b,
      /broken-link\.md:\d+: href="\/downstream\/articles\/does-not-exist\/" points to \/downstream\/articles\/does-not-exist\/, which is not in the build/,
    );
  });

  it('fails on an #anchor that points nowhere', () => {
    const b = buildFixture({
      'articles/broken-anchor.md': article(
        {},
        '## Intro\n\nSee [step](/articles/fixture-good/#no-such-step) and [here](#nope).',
      ),
    });
    expectFailure(b, /broken-anchor\.md:\d+: .*no element with id="no-such-step"/, /no element with id="nope"/);
  });

  it('renders a hero image with its alt text and optimised sizes', () => {
    const b = buildFixture({
      'articles/with-hero.md': article(
        { hero: '\n  src: ./images/hero.png\n  alt: "The Downstream mark on a blue tile"' },
        '## Intro\n\nText.',
      ),
    });
    expect(b.ok, b.output).toBe(true);
    const html = readFileSync(join(b.outDir, 'articles/with-hero/index.html'), 'utf8');
    expect(html).toMatch(/<figure class="hero"[^>]*>\s*<img [^>]*alt="The Downstream mark on a blue tile"/);
    expect(html).toMatch(/srcset="\/downstream\/_astro\/hero\.[^"]+\.webp 400w/);
  });

  it('fails on a hero image without alt text, naming the field', () => {
    const b = buildFixture({ 'articles/hero-no-alt.md': article({ hero: '\n  src: ./images/hero.png' }, 'Text') });
    expectFailure(b, /hero-no-alt/, /hero\.alt: expected alt text/);
  });

  it('fails on an image without alt text', () => {
    const b = buildFixture({ 'articles/no-alt.md': article({}, '## Intro\n\n![](/favicon.svg)') });
    expectFailure(b, /no-alt\.md.*<img src="\/downstream\/favicon\.svg"> has no alt text/);
  });

  it('fails on two files publishing the same URL', () => {
    const b = buildFixture({ 'articles/fixture-good.mdx': article({}, '## Copy') });
    expectFailure(
      b,
      /fixture-good\.md and .*fixture-good\.mdx would both publish \/articles\/fixture-good\/: rename one of them/,
    );
  });

  it('fails on an unknown distribution, naming the field and the ids that exist', () => {
    const b = buildFixture({ 'articles/bad-ref.md': article({ distros: '[debian, centos-9]' }, 'Text') });
    expectFailure(b, /bad-ref/, /distros\.1: unknown distribution "centos-9": use one of debian/);
    // The file to add is named in the content tree that was built, not always content/.
    expectFailure(b, `(or add it to ${b.contentDir}/distros/<id>.yaml)`);
  });

  it('fails on a bad date and on a missing source', () => {
    expectFailure(
      buildFixture({ 'articles/bad-date.md': article({ pubDate: '2024-02-31x' }, 'Text') }),
      /bad-date\.md:4: pubDate: "2024-02-31x" is not written as YYYY-MM-DD/,
    );
    expectFailure(
      buildFixture({ 'articles/no-source.md': article({ sources: '[]' }, 'Text') }),
      /no-source/,
      /sources: list at least one source/,
    );
  });

  it('keeps drafts and scheduled articles out of a production build', () => {
    const b = buildFixture({
      'articles/a-draft.md': article({ title: '"Draft"', draft: 'true' }, 'Text'),
      'articles/scheduled.md': article({ title: '"Scheduled"', pubDate: '2027-01-01', scheduled: 'true' }, 'Text'),
    });
    expect(b.ok, b.output).toBe(true);
    for (const id of ['a-draft', 'scheduled']) {
      expect(existsSync(join(b.outDir, `articles/${id}`))).toBe(false);
      for (const f of ['sitemap-0.xml', 'feed.xml', 'feed.json'])
        expect(readFileSync(join(b.outDir, f), 'utf8')).not.toContain(`/articles/${id}/`);
    }
  });

  it('check-dist fails on broken output and lists each problem', () => {
    const page = join(good.outDir, 'articles/fixture-good/index.html');
    const html = readFileSync(page, 'utf8')
      .replace(/<meta name="description"[^>]*>/, '')
      .replace('</main>', '<a href="/downstream/nowhere/">x</a><ul><div>not a list item</div></ul></main>');
    writeFileSync(page, html);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-dist.ts'), good.outDir], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(1);
    expect(out).toContain('articles/fixture-good/index.html:1: [metadata] missing <meta name="description">');
    expect(out).toMatch(
      /\[links\] href="\/downstream\/nowhere\/" points to \/downstream\/nowhere\/, which is not in the build/,
    );
    expect(out).toMatch(/articles\/fixture-good\/index\.html:\d+: \[html\] /);
  });
});

describe('determinism', () => {
  it('two clean builds of the same content are byte-identical', () => {
    const a = buildFixture();
    const b = buildFixture();
    expect(a.ok && b.ok).toBe(true);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(dir.length))
        .sort();
    const files = list(a.outDir);
    expect(list(b.outDir)).toEqual(files);
    const differ = files.filter((f) => !readFileSync(join(a.outDir, f)).equals(readFileSync(join(b.outDir, f))));
    expect(differ).toEqual([]);
  });
});
