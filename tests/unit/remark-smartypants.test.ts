import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from '../../src/lib/markdown/remark-smartypants.ts';

// Astro's default (remark-smartypants) against ours, in the same place of the same pipeline.
const astroDefault = createMarkdownProcessor({ remarkPlugins: [remarkGfm], smartypants: true });
const ours = createMarkdownProcessor({ remarkPlugins: [remarkGfm, remarkSmartypants], smartypants: false });
const plain = createMarkdownProcessor({ remarkPlugins: [remarkGfm], smartypants: false });

const SAMPLES = [
  'The project, codenamed "Purple Lion", ships in May.',
  "It's the maintainers' call: they don't say 'never', they say 'not yet'.",
  'A quote around a link: "[the announcement](https://example.org/)" and around **bold "text"**.',
  '"Quotes that open a paragraph" and end one."',
  '# A "quoted" heading\n\n| Column | "Quoted" |\n| --- | --- |\n| don\'t | "x" |',
  "Dashes -- like this --- and ellipses... or . . . spaced, ``backticks'' and ''two apostrophes''.",
  'Code keeps its quotes: `"straight" and \'single\'` while "prose" curls; `a -- b...`.',
  'Nothing to change here: plain words, 9.4 and x86-64-v2, one-dot. Two.\n\nSecond paragraph.',
  '"Unclosed quote in one paragraph\n\nand a closing one in the next."',
  '- "list item"\n- it\'s\n\n> "blockquote" -- with a dash...',
  "1990's releases and '90s hardware, rock 'n' roll.",
];

describe('smartypants', () => {
  it('gives exactly the output of Astro’s default, and leaves text without quotes, dashes or dots alone', async () => {
    const [a, b, p] = await Promise.all([astroDefault, ours, plain]);
    for (const md of SAMPLES) {
      const expected = (await a.render(md)).code;
      expect((await b.render(md)).code, md).toBe(expected);
    }
    // The samples do exercise the transformation (the test would pass vacuously otherwise).
    const curled = (await b.render(SAMPLES[0]!)).code;
    expect(curled).toContain('“Purple Lion”');
    expect(curled).not.toBe((await p.render(SAMPLES[0]!)).code);
    expect((await b.render(SAMPLES[5]!)).code).toContain('—');
    expect((await b.render(SAMPLES[5]!)).code).toContain('…');
  });
});
