import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  absoluteUrl,
  feedAlternates,
  joinBase,
  paths,
  sectionSlug,
  slashedBase,
  stripBase,
  url,
  withBase,
} from '../../src/lib/urls.ts';
import { FEED_FORMATS, feedFormatOf } from '../../src/lib/feed-formats.ts';
import { SECTION_LIST } from '../../src/lib/sections.ts';
import { ARTICLE_TYPES } from '../../src/schemas/article.ts';

describe('URL helper', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('joins a base and a path without doubling or losing slashes', () => {
    expect(joinBase('/', '/articles/x/')).toBe('/articles/x/');
    expect(joinBase('/downstream/', '/articles/x/')).toBe('/downstream/articles/x/');
    expect(joinBase('/downstream', 'articles/x/')).toBe('/downstream/articles/x/');
    expect(joinBase('/downstream/', '/')).toBe('/downstream/');
  });

  it('applies the deploy base path from the build', () => {
    vi.stubEnv('BASE_URL', '/downstream/');
    expect(withBase('/distros/almalinux/')).toBe('/downstream/distros/almalinux/');
    expect(url.article('almalinux-abi')).toBe('/downstream/articles/almalinux-abi/');
    expect(url.search({ q: 'a&b' })).toBe('/downstream/search/?q=a%26b');
    expect(absoluteUrl('/feed.xml', 'https://example.org')).toBe('https://example.org/downstream/feed.xml');
  });

  it('works at the root', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(url.home()).toBe('/');
    expect(url.distro('rhel')).toBe('/distros/rhel/');
  });

  it('strips the base path and rejects paths outside it', () => {
    expect(stripBase('/downstream/articles/x/', '/downstream/')).toBe('/articles/x/');
    expect(stripBase('/downstream', '/downstream/')).toBe('/');
    expect(stripBase('/other/x/', '/downstream/')).toBeNull();
  });

  it('builds paginated and dated paths', () => {
    expect(paths.page('/news/', 1)).toBe('/news/');
    expect(paths.page('/news/', 3)).toBe('/news/3/');
    expect(paths.month(2024, 6)).toBe('/archive/2024/06/');
    expect(sectionSlug('guide')).toBe('guides');
    expect(() => sectionSlug('blog')).toThrow('Unknown article type "blog"');
  });

  it('gives the base path exactly one trailing slash', () => {
    expect(slashedBase('/downstream')).toBe('/downstream/');
    expect(slashedBase('/downstream/')).toBe('/downstream/');
    expect(slashedBase('/')).toBe('/');
  });

  it('names feeds, calendars and social images', () => {
    vi.stubEnv('BASE_URL', '/downstream/');
    expect(FEED_FORMATS.map((f) => paths.feed('/distros/debian/', f))).toEqual([
      '/distros/debian/feed.xml',
      '/distros/debian/atom.xml',
      '/distros/debian/feed.json',
    ]);
    expect(url.feed('/')).toBe('/downstream/feed.xml');
    expect(url.calendar()).toBe('/downstream/releases.ics');
    expect(url.calendar('debian')).toBe('/downstream/distros/debian/releases.ics');
    expect(url.socialImage('a/b')).toBe('/downstream/og/articles/a/b.png');
    expect(url.socialImage()).toBe('/downstream/og/default.png');
    expect(feedAlternates('/news/', 'News').map((f) => [f.title, f.href, f.format.mime])).toEqual([
      ['News (RSS)', '/downstream/news/feed.xml', 'application/rss+xml'],
      ['News (Atom)', '/downstream/news/atom.xml', 'application/atom+xml'],
      ['News (JSON Feed)', '/downstream/news/feed.json', 'application/feed+json'],
    ]);
    expect(feedFormatOf('atom.xml').id).toBe('atom');
    expect(() => feedFormatOf('feed.rss')).toThrow('Unknown feed file "feed.rss"');
  });

  it('lists sections in the order of the article types', () => {
    expect(SECTION_LIST.map((s) => s.type)).toEqual([...ARTICLE_TYPES]);
    expect(SECTION_LIST.map((s) => paths.section(s.type))).toEqual(['/news/', '/analysis/', '/guides/', '/opinion/']);
  });
});
