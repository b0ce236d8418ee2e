import { resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { guardPlugins, markdownFailures } from '../../src/integrations/markdown-errors.ts';
import { rehypeLinks } from '../../src/lib/markdown/rehype-links.ts';
import { mdxComponentNames, trustProblems } from '../../src/lib/markdown/remark-trust.ts';
import { dateProblem, mdxNeedsParse } from '../../scripts/build/content-sources.ts';
import { astroStepInLog, heapExhaustedInLog, pluginFailuresInLog } from '../../scripts/build/astro-log.ts';
import { astroHeapCap, heapExhaustedMessage } from '../../scripts/build/astro-heap.ts';
import { astroArticleId } from '../../src/lib/article-files.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const COMPONENTS = [...mdxComponentNames(ROOT)].join(', ');

describe('dates as written', () => {
  it('accepts real dates and refuses what YAML would roll over', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2024-01-02T10:00:00Z')).toBeUndefined();
    expect(dateProblem('2023-02-29')).toBe('2023-02-29 does not exist: February 2023 has 28 days');
    expect(dateProblem('2024-04-31')).toBe('2024-04-31 does not exist: April 2024 has 30 days');
    expect(dateProblem('2024-13-10')).toBe('2024-13-10 has no month 13 (months are 01 to 12)');
    expect(dateProblem('2024-00-10')).toBe('2024-00-10 has no month 0 (months are 01 to 12)');
    expect(dateProblem('10/03/2024')).toBe('"10/03/2024" is not written as YYYY-MM-DD');
    expect(dateProblem('2024-01-02T25:00')).toBe('2024-01-02T25:00 has an impossible time of day');
  });
});

describe('article ids', () => {
  it('slugs each path segment as Astro does', () => {
    expect(astroArticleId('AlmaLinux 10 released.md')).toBe('almalinux-10-released');
    expect(astroArticleId('2024/Debian 13.mdx')).toBe('2024/debian-13');
    expect(astroArticleId('guides/index.md')).toBe('guides');
  });
});

const tree = (text: string, mdx: boolean) => {
  const p = unified().use(remarkParse).use(remarkGfm);
  if (mdx) p.use(remarkMdx);
  return p.parse(text) as unknown as Parameters<typeof trustProblems>[0];
};
const problems = (text: string, mdx = false, iframeHosts: string[] = []) =>
  trustProblems(tree(text, mdx), { root: ROOT, iframeHosts, file: `${ROOT}/content/articles/x.mdx`, mdx }).map(
    (p) => `${p.line}: ${p.message.replace(/ \(see .*\)$/, '')}`,
  );

describe('the trust boundary', () => {
  it('allows components with literal props, comments and imports from src/components/mdx/', () => {
    expect(
      problems(
        [
          "import Callout from '../../src/components/mdx/Callout.astro'",
          '',
          '<Callout type="note" title={"Literal"} n={-3} list={["a", 1, true]} o={{ a: 1 }}>Text {/* note */}</Callout>',
          '',
          '<details><summary>More</summary>Text</details>',
        ].join('\n'),
        true,
      ),
    ).toEqual([]);
  });

  it('refuses code in MDX with the line of each statement', () => {
    expect(
      problems(
        [
          "import fs from 'node:fs'",
          "import x from './secret.txt?raw'",
          'export const y = 1',
          '',
          '<Callout title={`a${b}`} type="note">x</Callout> {1 + 1}',
          '',
          '<Unknown />',
        ].join('\n'),
        true,
      ),
    ).toEqual([
      `1: import from "node:fs" is not allowed: articles may import only from src/components/mdx/ (the components ${COMPONENTS} need no import)`,
      `2: import from "./secret.txt?raw" is not allowed: articles may import only from src/components/mdx/ (the components ${COMPONENTS} need no import)`,
      '3: export is not allowed in articles: remove it (articles cannot define code)',
      '5: <Callout title={`a${b}`}>: only literal values (text, numbers, true/false) are allowed in props',
      '5: {1 + 1} is not allowed: expressions run code; write the text, or escape the braces as \\{ \\}',
      `7: <Unknown> is not one of the article components (${COMPONENTS}): use one of them or plain Markdown`,
    ]);
  });

  it('refuses dangerous raw HTML and URLs, even with entities or whitespace in the scheme', () => {
    expect(
      problems(
        [
          'Text <img src="x.png" onerror="alert(1)"> and [link](javascript:alert(1)).',
          '',
          '<a href="jav&#x09;ascript:alert(1)">x</a>',
          '',
          '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
          '<iframe src="https://evil.example/"></iframe>',
        ].join('\n'),
        false,
        ['www.youtube-nocookie.com'],
      ),
    ).toEqual([
      '1: <img onerror=…>: event-handler attributes run scripts; remove it',
      '1: link to "javascript:alert(1)": javascript: URLs are not allowed; link to a page instead',
      '3: <a href="jav\tascript:alert(1)">: javascript: URLs are not allowed; link to a page instead',
      '6: <iframe src="https://evil.example/">: iframes may only load from www.youtube-nocookie.com; link to the page instead',
    ]);
  });
});

describe('which MDX bodies the content check parses before Astro', () => {
  const components = mdxComponentNames(ROOT);
  const parses = (body: string) => mdxNeedsParse(body, components);

  it('leaves prose with article components and literal string props to Astro’s own parse', () => {
    expect(parses('Text with **bold** and [a link](./other/).\n')).toBe(false);
    expect(
      parses(
        '<Callout type="note" title="A literal">\nInside.\n</Callout>\n\n<Timeline>\n  <TimelineEntry date="2024-01-02" title="One">\n  x\n  </TimelineEntry>\n</Timeline>\n',
      ),
    ).toBe(false);
    expect(parses('<Callout type="note" />\n')).toBe(false);
  });

  it('parses anything the trust checks or MDX syntax could refuse', () => {
    for (const body of [
      'Text {process.env.HOME}',
      '{/* a comment */}',
      "import x from './x.js'\n\nText",
      '  export const a = 1\n\nText',
      '<Callout title={secret}>x</Callout>',
      '<Callout {...props}>x</Callout>',
      "<Callout title='single quotes'>x</Callout>",
      '<Callout open>x</Callout>',
      '<script>alert(1)</script>',
      '<div onclick="x()">x</div>',
      '<Unknown>x</Unknown>',
      '<Callout type="note">never closed',
      '<Callout>x</Timeline>',
      '</Callout>',
      '[x](javascript:alert(1))',
      '[x](java&#115;cript:alert(1))',
      '![A picture](../../../x.png)',
      'a < b',
    ])
      expect(parses(body), body).toBe(true);
  });
});

describe('plugin failures', () => {
  it('records the file of any plugin exception, and keeps the text of invalid autolinks', async () => {
    const crash = () => () => {
      throw new Error('plugin bug');
    };
    const run = (plugins: unknown[], text: string, path: string) =>
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype)
        .use(guardPlugins(plugins) as never)
        .use(rehypeStringify)
        .process({ value: text, path });
    await expect(run([crash], 'Text', '/content/articles/a.md')).rejects.toThrow('plugin bug');
    expect(markdownFailures()).toContainEqual({
      file: '/content/articles/a.md',
      plugin: 'crash',
      message: 'plugin bug',
    });
    const links = [[rehypeLinks, { base: '/', site: 'https://downstream.example' }]];
    const html = String(await run(links, 'Mirror www.example.org::module/path now.', '/b.md'));
    expect(html).toBe('<p>Mirror www.example.org::module/path now.</p>');
    await expect(run(links, 'See [x](https://exa%mple.org/).', '/c.md')).rejects.toThrow(
      'link target "https://exa%mple.org/" is not a valid URL: correct it, or write it as code in backticks',
    );
  });
});

describe('render failures in the log of astro build', () => {
  it('finds the lines Astro logs when it swallows a Markdown exception (the backstop for its own plugins)', () => {
    // As Astro 7 prints them (tests/build/inputs.test.ts triggered this one before rehype-links was fixed).
    const log = [
      '16:57:07 [content] Syncing content',
      '16:57:07 [ERROR] [glob-loader] Error rendering rsync.md: Failed to parse Markdown file "/tmp/x/content/articles/rsync.md":',
      'Invalid URL',
      '16:57:08 [content] Synced content',
    ].join('\n');
    expect(pluginFailuresInLog(log)).toEqual([
      'rsync.md: Failed to parse Markdown file "/tmp/x/content/articles/rsync.md":',
    ]);
    expect(pluginFailuresInLog('16:57:08 [content] Synced content')).toEqual([]);
  });
});

describe("Astro's step when its process runs out of heap", () => {
  // The order of a real `astro build` log (bench, 1,000 articles): bundling logs "Rearranging server assets"
  // before the routes, and "✓ Completed" twice after them.
  const lines = [
    '19:55:22 [vite] Re-optimizing dependencies because vite config has changed',
    '19:55:23 [content] Syncing content',
    '19:56:24 [content] Synced content',
    '19:56:25 [build] ✓ Completed in 1m 7s.',
    '19:56:25 [build] Building static entrypoints...',
    '19:56:52 [build] Rearranging server assets...',
    ' generating static routes ',
    '19:56:53   ├─ /articles/a/index.html (+12ms)',
    '19:57:25 ✓ Completed in 33.33s.',
    '19:57:26 [build] ✓ Completed in 1m 1s.',
    '19:57:26 [@astrojs/sitemap] `sitemap-index.xml` created at `../dist`',
  ];
  const stepAfter = (n: number) => astroStepInLog(lines.slice(0, n).join('\n'));

  it('names the last step the log shows as started', () => {
    expect(stepAfter(1)).toBe('startup (before content sync)');
    expect(stepAfter(2)).toBe('content sync');
    expect(stepAfter(4)).toBe('content sync');
    expect(stepAfter(5)).toBe('bundling (Vite)');
    expect(stepAfter(6)).toBe('bundling (Vite)');
    expect(stepAfter(8)).toBe('rendering pages');
    expect(stepAfter(9)).toBe('the build hooks after rendering (astro:build:done)');
    expect(stepAfter(11)).toBe('the build hooks after rendering (astro:build:done)');
  });

  it("recognises V8's fatal message and nothing else", () => {
    expect(
      heapExhaustedInLog(
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n----- Native stack trace -----',
      ),
    ).toBe(true);
    expect(heapExhaustedInLog(lines.join('\n'))).toBe(false);
  });
});

describe("the heap cap of Astro's process", () => {
  it('takes DOWNSTREAM_ASTRO_HEAP_MB first, then an operator’s NODE_OPTIONS as it is, then the default', () => {
    expect(astroHeapCap({})).toEqual({ mb: 2560, from: 'default', nodeArgs: ['--max-old-space-size=2560'] });
    expect(astroHeapCap({ DOWNSTREAM_ASTRO_HEAP_MB: ' 3072 ', NODE_OPTIONS: '--max-old-space-size=8192' })).toEqual({
      mb: 3072,
      from: 'DOWNSTREAM_ASTRO_HEAP_MB',
      nodeArgs: ['--max-old-space-size=3072'],
    });
    // The operator's flag applies through NODE_OPTIONS itself; ours on the command line would override it.
    expect(astroHeapCap({ NODE_OPTIONS: '--enable-source-maps --max_old_space_size=6144' })).toEqual({
      mb: 6144,
      from: 'NODE_OPTIONS',
      nodeArgs: [],
    });
    expect(astroHeapCap({ NODE_OPTIONS: '--enable-source-maps' }).mb).toBe(2560);
  });

  it('refuses a value that is not a size, saying how to write one', () => {
    expect(() => astroHeapCap({ DOWNSTREAM_ASTRO_HEAP_MB: '4G' })).toThrow(
      `DOWNSTREAM_ASTRO_HEAP_MB="4G" is not a size: give the V8 heap cap of Astro's process in MiB, e.g. DOWNSTREAM_ASTRO_HEAP_MB=5120`,
    );
    expect(() => astroHeapCap({ DOWNSTREAM_ASTRO_HEAP_MB: '0' })).toThrow('is not a size');
  });

  it('says how to raise it when Astro runs out of it', () => {
    expect(heapExhaustedMessage(astroHeapCap({ NODE_OPTIONS: '--max-old-space-size=4096' }), 'bundling (Vite)')).toBe(
      'astro build ran out of JavaScript heap during bundling (Vite): its V8 heap cap is 4096 MiB (from NODE_OPTIONS). ' +
        'Raise it, e.g. DOWNSTREAM_ASTRO_HEAP_MB=8192 npm run build ' +
        '(the machine needs about 1.5 GiB more than the cap: the bundler also uses memory outside that heap)',
    );
  });
});
