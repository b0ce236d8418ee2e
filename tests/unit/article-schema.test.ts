import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleSchema, withEntryImage } from '../../src/schemas/article.ts';
import { article, issues, NOW, refs, validArticle } from './helpers.ts';

describe('article front matter', () => {
  it('accepts a valid article and fills defaults', () => {
    const r = article.parse(validArticle());
    expect(r.draft).toBe(false);
    expect(r.updates).toEqual([]);
    expect(r.pubDate).toEqual(new Date('2023-07-13'));
  });

  it('gives headline and dek the typographic quotes of the body, and leaves their dashes alone', () => {
    const r = article.parse({
      ...validArticle(),
      title: `Debian 12 "bookworm" ships, and dnf --refresh 'just works'`,
      description: `Oracle attacks Red Hat's source decision, and SUSE says it will fork RHEL -- a long "dek".`,
    });
    expect(r.title).toBe('Debian 12 “bookworm” ships, and dnf --refresh ‘just works’');
    expect(r.description).toBe(
      'Oracle attacks Red Hat’s source decision, and SUSE says it will fork RHEL -- a long “dek”.',
    );
  });

  it('accepts a future date when the article is marked scheduled', () => {
    expect(issues(article, { ...validArticle(), pubDate: '2026-12-01', scheduled: true })).toEqual([]);
  });

  it('accepts hero images with alt text, series, updates and updatedDate', () => {
    const ok = issues(article, {
      ...validArticle(),
      series: 'rhel-source-change',
      hero: { src: './x.jpg', alt: 'A server rack' },
      updatedDate: '2023-07-20',
      updates: [{ date: '2023-07-20', note: 'Corrected a date.' }],
    });
    expect(ok).toEqual([]);
  });

  it('ties release news to one release of one of its distributions', () => {
    expect(issues(article, { ...validArticle(), release: { distro: 'almalinux', version: '10' } })).toEqual([]);
    expect(issues(article, { ...validArticle(), release: { distro: 'debian', version: '13' } })).toEqual([
      'release.distro: release.distro "debian" is not one of the article\'s distros: add it to distros, or correct release.distro',
    ]);
    expect(issues(article, { ...validArticle(), release: { distro: 'almalinux', version: 10 } })).toEqual([
      'release.version: expected the version as a quoted string, e.g. "44" or "24.04"',
    ]);
    expect(
      issues(article, { ...validArticle(), release: { distro: 'almalinux', version: '10', lts: true } })[0],
    ).toMatch(/^release: Unrecognized key/);
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing title', { title: undefined }, 'title: expected a headline as text'],
    ['an empty title', { title: '  ' }, 'title: a headline must not be empty'],
    ['a short dek', { description: 'Too short.' }, 'description: dek is shorter than 50 characters'],
    ['a bad date', { pubDate: '2023-13-45' }, 'pubDate: expected a date written as YYYY-MM-DD'],
    [
      'an unknown distribution',
      { distros: ['almalinux', 'centos-9'] },
      'distros.1: unknown distribution "centos-9": use one of almalinux, debian, rhel',
    ],
    ['no distribution', { distros: [] }, 'distros: name at least one distribution'],
    ['an unknown author', { authors: ['jane-doe'] }, 'authors.0: unknown desk "jane-doe"'],
    ['an unknown topic', { topics: ['gossip'] }, 'topics.0: unknown topic "gossip"'],
    ['an unknown series', { series: 'nope' }, 'series: unknown series "nope"'],
    ['a wrong type', { type: 'blog' }, 'type: expected one of: news, analysis, guide, opinion'],
    ['no sources', { sources: [] }, 'sources: list at least one source'],
    [
      'a relative source URL',
      { sources: [{ title: 'x', url: '/blog/', publisher: 'y' }] },
      'sources.0.url: expected an absolute http(s) URL',
    ],
    [
      'a non-http source URL',
      { sources: [{ title: 'x', url: 'ftp://example.org/', publisher: 'y' }] },
      'sources.0.url: expected an absolute http(s) URL',
    ],
    ['a hero without alt text', { hero: { src: './x.jpg', alt: '' } }, 'hero.alt: alt text describing the image'],
    ['a hero with no alt field', { hero: { src: './x.jpg' } }, 'hero.alt: expected alt text'],
    ['an updatedDate before pubDate', { updatedDate: '2023-07-01' }, 'updatedDate: updatedDate is before pubDate'],
    [
      'an update dated before publication',
      { updates: [{ date: '2023-01-01', note: 'x' }] },
      'updates.0.date: an update cannot be dated before',
    ],
    ['an unknown field (typo)', { pubdate: '2023-07-13' }, 'Unrecognized key'],
    ['a non-boolean draft', { draft: 'yes' }, 'draft: expected true or false'],
    [
      'a future date without scheduled: true',
      { pubDate: '2052-07-13' },
      'pubDate: pubDate 2052-07-13 is in the future: set scheduled: true',
    ],
  ];

  it.each(cases)('rejects %s', (_, patch, expected) => {
    const got = issues(article, { ...validArticle(), ...patch });
    expect(got.join('\n')).toContain(expected);
  });
});

describe('the articles collection schema: one shared article schema, each entry its own image()', () => {
  // What Astro's image() does for a content-layer entry: a transform bound to that entry's file.
  const imageOf = (file: string) => () =>
    z
      .string()
      .transform((src) => `${file}:${src}`)
      .refine((s) => !s.includes('..'), { message: 'outside content/' });
  const hero = { ...validArticle(), hero: { src: './x.jpg', alt: 'A server rack' } };

  it('gives each entry the output and the issues of a schema built for it alone', async () => {
    for (const file of ['a.md', 'b.md']) {
      const own = articleSchema(refs, imageOf(file)(), { now: NOW });
      const shared = withEntryImage(article, imageOf(file)());
      for (const input of [validArticle(), hero, { ...hero, hero: { src: '../../etc/x.png', alt: 'X' } }, {}]) {
        const [a, b] = [await own.safeParseAsync(input), await shared.safeParseAsync(input)];
        expect(b.success).toBe(a.success);
        if (a.success && b.success) expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
        else
          expect(b.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
            a.error?.issues.map((i) => [i.path.join('.'), i.message]),
          );
      }
    }
    const b = await withEntryImage(article, imageOf('b.md')()).parseAsync(hero);
    expect(b.hero?.src).toBe('b.md:./x.jpg');
  });
});
