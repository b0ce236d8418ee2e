import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import readingTime from 'reading-time';
import { readingMinutes, wordCount } from '../../src/lib/reading-time.ts';
import { mulberry32 } from '../../scripts/bench/lib/prng.ts';
import { isPublished, isScheduled } from '../../src/lib/visibility.ts';
import { buildClock } from '../../src/lib/clock.ts';
import { buildToc } from '../../src/lib/toc.ts';
import { siteConfig } from '../../src/site.config.ts';
import { formatDate, isoDay } from '../../src/lib/dates.ts';

describe('reading time', () => {
  it('counts prose at 230 words a minute, rounding up', () => {
    expect(readingMinutes('word '.repeat(230))).toBe(1);
    expect(readingMinutes('word '.repeat(231))).toBe(2);
    expect(readingMinutes('word '.repeat(1150))).toBe(5);
  });
  it('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
  });
  it('ignores front matter, imports and component tags', () => {
    const body = `---\ntitle: ${'x '.repeat(500)}\n---\nimport X from './x.astro';\n<Callout type="note" title="${'y '.repeat(400)}">${'word '.repeat(200)}</Callout>`;
    expect(readingMinutes(body)).toBe(1);
  });
  it('counts words exactly as reading-time does, with and without CJK text', () => {
    // Pieces chosen to hit every rule: each kind of word boundary, characters that are not boundaries (form feed,
    // no-break space), punctuation, Hiragana, ideographs and Hangul (a word each), Katakana (not), astral characters.
    const pieces = ['word', 'x', '—', '.', ',', ' ', '  ', '\t', '\n', '\r\n', '\f', '\u00a0', '「', '。', '（'];
    const cjk = ['ひらがな', '漢字', '한국어', 'カタカナ', '𠀋', '😀'];
    const random = mulberry32(16);
    const texts = [
      '',
      ' \n\t',
      'one',
      ' one  two\tthree\nfour\r\n',
      ...readdirSync('content/articles')
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => readFileSync(`content/articles/${f}`, 'utf8')),
    ];
    for (let n = 0; n < 400; n++) {
      const from = n % 2 ? [...pieces, ...cjk] : pieces;
      texts.push(
        Array.from({ length: 1 + Math.floor(random() * 60) }, () => from[Math.floor(random() * from.length)]).join(''),
      );
    }
    expect(texts.filter((t) => /[\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3]/.test(t)).length).toBeGreaterThan(150);
    for (const text of texts) expect(wordCount(text), JSON.stringify(text.slice(0, 80))).toBe(readingTime(text).words);
  });
});

describe('visibility rule', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it('shows published articles', () => {
    expect(isPublished({ draft: false, pubDate: new Date('2024-01-01') }, { now, includeDrafts: false })).toBe(true);
  });
  it('hides drafts in production and shows them in dev', () => {
    const a = { draft: true, pubDate: new Date('2024-01-01') };
    expect(isPublished(a, { now, includeDrafts: false })).toBe(false);
    expect(isPublished(a, { now, includeDrafts: true })).toBe(true);
  });
  it('hides scheduled articles until the build clock reaches them', () => {
    const a = { draft: false, pubDate: new Date('2026-12-01') };
    expect(isPublished(a, { now, includeDrafts: false })).toBe(false);
    expect(isScheduled(a, now)).toBe(true);
    expect(isPublished(a, { now: new Date('2026-12-01'), includeDrafts: false })).toBe(true);
  });
});

describe('build clock', () => {
  it('is the start of the current UTC day by default', () => {
    expect(buildClock({}, new Date('2026-11-25T17:45:00Z')).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
  it('can be pinned with BUILD_DATE', () => {
    expect(buildClock({ BUILD_DATE: '2024-06-30' }).toISOString()).toBe('2024-06-30T00:00:00.000Z');
  });
  it('rejects a malformed BUILD_DATE with the fix', () => {
    expect(() => buildClock({ BUILD_DATE: 'tomorrow' })).toThrow('use YYYY-MM-DD');
  });
});

describe('table of contents', () => {
  it('nests h3 under h2 and drops other levels', () => {
    const toc = buildToc([
      { depth: 3, slug: 'orphan', text: 'Orphan' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc.map((t) => [t.slug, t.children.map((c) => c.slug)])).toEqual([
      ['a', ['a1']],
      ['b', []],
    ]);
  });
});

describe('deploy configuration', () => {
  it('defaults to https://downstream.example at /', () => {
    expect(siteConfig({})).toEqual({ site: 'https://downstream.example', base: '/' });
  });
  it('normalises the base path', () => {
    expect(siteConfig({ SITE_URL: 'https://example.org/', BASE_PATH: '/downstream' }).base).toBe('/downstream/');
    expect(siteConfig({ BASE_PATH: '/a/b/' }).base).toBe('/a/b/');
  });
  it('names the variable and the fix on bad input', () => {
    expect(() => siteConfig({ SITE_URL: 'downstream.example' })).toThrow('SITE_URL must be an absolute http(s) URL');
    expect(() => siteConfig({ BASE_PATH: 'downstream' })).toThrow('BASE_PATH must start with "/"');
  });
});

describe('dates', () => {
  it('formats in British English, in UTC', () => {
    expect(formatDate(new Date('2023-07-13T00:00:00Z'))).toBe('13 July 2023');
    expect(isoDay(new Date('2023-07-13T23:00:00Z'))).toBe('2023-07-13');
  });
});
