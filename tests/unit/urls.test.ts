import { afterEach, describe, expect, it, vi } from 'vitest';
import { absoluteUrl, joinBase, paths, sectionSlug, stripBase, url, withBase } from '../../src/lib/urls.ts';

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
});
