/**
 * Inputs the build refuses, by file, line or field, with the fix and the section of docs/writing.md.
 *
 * One `npm run build` over a fixture with every defect at once must fail listing all of them (the content check
 * before Astro). Then `astro build` alone (no orchestrator, as `astro dev` would render) proves the Markdown
 * pipeline itself refuses dangerous content and fails on plugin errors, cold and warm.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, build, fixtureContent } from './fixture.ts';

// The front matter of article() is 13 lines; its body starts on line 15.
const BODY = 15;
const at = (name: string, line: number) => new RegExp(`articles/${name.replace('.', '\\.')}:${line}: `);

describe('inputs refused before anything is built', () => {
  const marker = join('/tmp', `downstream-mdx-ran-${process.pid}`);
  const { dir, contentDir } = fixtureContent({
    'articles/feb-30.md': article({ title: '"Impossible day"', pubDate: '2024-02-30' }, 'Text.'),
    'articles/month-13.md': article({ title: '"Impossible month"', updatedDate: '2024-13-10' }, 'Text.'),
    'articles/AlmaLinux 10 released.md': article({ title: '"First of two colliding files"' }, 'Text.'),
    'articles/almalinux-10-released.md': article({ title: '"Second of two colliding files"' }, 'Text.'),
    'articles/same-title-a.md': article({ title: '"Debian ships a point release"' }, 'Text.'),
    'articles/same-title-b.md': article({ title: '"Debian Ships A Point Release"' }, 'Text.'),
    'articles/empty-body.md': article({ title: '"An article without a body"' }, ''),
    'articles/too-big.md': article({ title: '"An article over the limit"' }, 'word '.repeat(22_000)),
    'articles/hero-outside.md': article(
      { title: '"Hero from elsewhere"', hero: '\n  src: ../../../../../etc/hero.png\n  alt: "A picture"' },
      'Text.',
    ),
    'articles/image-outside.md': article({ title: '"Image from elsewhere"' }, 'Text.\n\n![A picture](../../../x.png)'),
    'articles/yaml-error.md': article({ title: '"Unclosed quote', type: 'news' }, 'Text.'),
    'articles/schema-error.md': article({ title: '"Wrong type"', type: 'newz' }, 'Text.'),
    'articles/raw-html.md': article(
      { title: '"Raw HTML that must be refused"' },
      [
        'Text.',
        '',
        '<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">',
        '',
        '<script>window.x = 1</script>',
        '',
        '<a href="javascript:alert(1)" onclick="steal()">click</a> and <iframe src="https://video.example/embed/1"></iframe>',
        '',
        '<style>body { display: none }</style><form action="/x"><object data="x"></object><embed src="y"><base href="/">',
      ].join('\n'),
    ),
    'articles/code.mdx': article(
      { title: '"MDX that runs code"' },
      [
        "import secret from '/etc/passwd?raw'",
        "import { Callout } from '../../src/components/mdx/Callout.astro'",
        '',
        `export const x = (await import('node:fs')).writeFileSync('${marker}', 'ran')`,
        '',
        'Text {process.env.SECRET} and <Callout type="note" title={secret}>hi</Callout>',
        '',
        '<Callout type="note" title="A literal is fine" {...props}>ok {/* a comment is fine */}</Callout>',
      ].join('\n'),
    ),
  });
  const articles = join(contentDir, 'articles');
  symlinkSync('/etc/hostname', join(articles, 'linked-outside.md'));
  symlinkSync('loop-b.md', join(articles, 'loop-a.md'));
  symlinkSync('loop-a.md', join(articles, 'loop-b.md'));
  mkdirSync(join(articles, 'nested'));
  symlinkSync('..', join(articles, 'nested/up'));

  const outDir = join(dir, 'dist');
  const b = build(contentDir, outDir);
  const out = b.output;

  it('fails, builds nothing, and shows no stack trace', () => {
    expect(b.ok, out).toBe(false);
    expect(existsSync(outDir)).toBe(false);
    expect(out).toMatch(/problem\(s\) in the content; nothing was built/);
    expect(out).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
    expect(out).not.toContain('**');
    // Astro never started: the MDX code cannot have run.
    expect(out).not.toContain('astro build');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses impossible dates as written, with the line and a code frame', () => {
    expect(out).toMatch(at('feb-30.md', 4));
    expect(out).toContain(
      'pubDate: 2024-02-30 does not exist: February 2024 has 29 days; write a real date as YYYY-MM-DD',
    );
    expect(out).toMatch(/> 4 \| pubDate: 2024-02-30\n\s+\|\s+\^/);
    expect(out).toMatch(at('month-13.md', 13));
    expect(out).toContain('updatedDate: 2024-13-10 has no month 13');
    expect(out).toContain('see docs/writing.md#dates');
  });

  it('refuses slug collisions after Astro’s slugging, and duplicate titles', () => {
    expect(out).toMatch(
      /articles\/AlmaLinux 10 released\.md and .*articles\/almalinux-10-released\.md would both publish \/articles\/almalinux-10-released\/: rename one of them/,
    );
    expect(out).toContain('see docs/writing.md#file-names-and-urls');
    expect(out).toMatch(
      /same-title-a\.md:2: the same title is used by .*same-title-a\.md:2 and .*same-title-b\.md:2: titles must be unique/,
    );
    expect(out).toContain('see docs/writing.md#titles');
  });

  it('refuses an empty body and an article over the size limit', () => {
    expect(out).toMatch(at('empty-body.md', 14));
    expect(out).toContain('the article has no text after its front matter');
    expect(out).toMatch(/too-big\.md: the article is 10\d kB, over the 100 kB limit: split it into a series/);
    expect(out).toContain('see docs/writing.md#body-and-size');
  });

  it('refuses paths and symlinks that leave the content tree, and symlink loops', () => {
    expect(out).toMatch(at('hero-outside.md', 14));
    expect(out).toContain('hero.src "../../../../../etc/hero.png" points outside content/');
    expect(out).toMatch(at('image-outside.md', BODY + 2));
    expect(out).toContain('image "../../../x.png" points outside content/');
    expect(out).toMatch(/linked-outside\.md: symlink to \/etc\/hostname, outside the repository/);
    expect(out).toMatch(/loop-a\.md: symlink loop/);
    expect(out).toMatch(/loop-b\.md: symlink loop/);
    expect(out).toMatch(/nested\/up: symlink loop: the link points to a folder that contains it/);
    expect(out).toContain('see docs/writing.md#images-and-files');
  });

  it('reports YAML and schema errors with the right line, a code frame and no **', () => {
    // title: "Unclosed quote  is on line 2.
    expect(out).toMatch(at('yaml-error.md', 2));
    expect(out).toMatch(/yaml-error\.md:2: invalid YAML: [^\n]*\n[^\n]*\n?\s+> 2 \| title: "Unclosed quote/);
    expect(out).toContain('see docs/writing.md#front-matter');
    expect(out).toMatch(at('schema-error.md', 8));
    expect(out).toContain('type: expected one of: news, analysis, guide, opinion');
    expect(out).toContain('see docs/writing.md#articles');
  });

  it('refuses raw HTML that could run code or send readers elsewhere, by line', () => {
    const line = (n: number) => at('raw-html.md', BODY + n);
    expect(out).toMatch(new RegExp(`${line(2).source}<meta> is not allowed`));
    expect(out).toMatch(new RegExp(`${line(4).source}<script> is not allowed`));
    expect(out).toMatch(
      new RegExp(`${line(6).source}<a href="javascript:alert\\(1\\)">: javascript: URLs are not allowed`),
    );
    expect(out).toMatch(new RegExp(`${line(6).source}<a onclick=…>: event-handler attributes run scripts`));
    expect(out).toMatch(new RegExp(`${line(6).source}<iframe>: embedded frames are not allowed`));
    for (const tag of ['style', 'form', 'object', 'embed', 'base'])
      expect(out).toMatch(new RegExp(`${line(8).source}<${tag}> is not allowed`));
    expect(out).toContain('see docs/writing.md#what-contributors-may-write');
  });

  it('refuses MDX imports, exports, expressions and non-literal props, by line', () => {
    const line = (n: number) => at('code.mdx', BODY + n);
    expect(out).toMatch(new RegExp(`${line(0).source}import from "/etc/passwd\\?raw" is not allowed`));
    // Relative to this temporary content tree, ../../src/components/mdx/ is not the repository's folder.
    expect(out).toMatch(
      new RegExp(`${line(1).source}import from "../../src/components/mdx/Callout.astro" is not allowed`),
    );
    expect(out).toMatch(new RegExp(`${line(3).source}export is not allowed`));
    expect(out).toMatch(new RegExp(`${line(5).source}\\{process.env.SECRET\\} is not allowed: expressions run code`));
    expect(out).toMatch(new RegExp(`${line(5).source}<Callout title=\\{secret\\}>: only literal values`));
    expect(out).toMatch(new RegExp(`${line(7).source}<Callout \\{…\\}>: spread attributes are not allowed`));
    expect(out).not.toMatch(/A literal is fine|a comment is fine/);
  });

  it('lists every problem of the content tree in one run', () => {
    const count = Number(/(\d+) problem\(s\) in the content/.exec(out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(30);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the Markdown pipeline on its own (astro build, as astro dev renders)', () => {
  it('fails on refused raw HTML naming file and line, cold and warm, and never publishes an empty body', () => {
    const { dir, contentDir } = fixtureContent({
      'articles/refresh.md': article(
        { title: '"Redirects readers"' },
        'Text.\n\n<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">',
      ),
      'articles/rsync.md': article(
        { title: '"Rsync mirrors"' },
        'Mirror with www.example.org::module/path or rsync://rsync.example.org/debian/ today.',
      ),
    });
    const outDir = join(dir, 'dist');
    for (const run of ['cold', 'warm']) {
      const b = build(contentDir, outDir, {}, { astro: true });
      expect(b.ok, `${run}: ${b.output}`).toBe(false);
      expect(b.output, run).toMatch(/articles\/refresh\.md:17: <meta> is not allowed in articles/);
      expect(b.output, run).toContain('could not be rendered; nothing is published');
    }
    // Fixed: the rsync address, which used to crash rehype-links (empty body, exit 0), renders as text.
    rmSync(join(contentDir, 'articles/refresh.md'));
    const fixed = build(contentDir, outDir, {}, { astro: true });
    expect(fixed.ok, fixed.output).toBe(true);
    const html = readFileSync(join(outDir, 'articles/rsync/index.html'), 'utf8');
    expect(html).toContain('Mirror with www.example.org::module/path or');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses MDX code before it runs, naming file and line', () => {
    const marker = `ran-${process.pid}-astro`;
    const { dir, contentDir } = fixtureContent({
      'articles/code.mdx': article(
        { title: '"MDX that runs code"' },
        `export const x = (await import('node:fs')).writeFileSync('${join('/tmp', marker)}', 'ran')\n\nSecret: {process.env.HOME}`,
      ),
    });
    const b = build(contentDir, join(dir, 'dist'), {}, { astro: true });
    expect(b.ok, b.output).toBe(false);
    expect(b.output).toMatch(/articles\/code\.mdx/);
    expect(b.output).toMatch(/line 15: export is not allowed in articles/);
    expect(b.output).toMatch(/line 17: \{process\.env\.HOME\} is not allowed/);
    expect(existsSync(join('/tmp', marker))).toBe(false);
    expect(readdirSync(dir)).toEqual(['content']);
    rmSync(dir, { recursive: true, force: true });
  });
});
