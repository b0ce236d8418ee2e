import { describe, expect, it } from 'vitest';
import { redirectPage, redirectPageFile, redirectsFor } from '../../src/lib/redirects.ts';

describe('legacy redirects', () => {
  it('maps each old path to the article URL, decoded, sorted, first article wins a shared path', () => {
    expect(
      redirectsFor([
        { id: 'wp/b', paths: ['/2019/06/%C3%A9t%C3%A9/', '/shared/'] },
        { id: 'wp/a', paths: ['/2019/03/a/', '/shared'] },
        { id: 'wp/draft', paths: ['/2019/07/draft/'], draft: true },
      ]),
    ).toEqual([
      { from: '/2019/03/a/', to: '/articles/wp/a/' },
      { from: '/2019/06/été/', to: '/articles/wp/b/' },
      { from: '/shared', to: '/articles/wp/a/' },
    ]);
  });

  it('never redirects the home page, a query, or a path the new site serves', () => {
    expect(
      redirectsFor([{ id: 'wp/a', paths: ['/', '?p=1', '/articles/wp/a/', '/distros/debian/', '/search/'] }]),
    ).toEqual([]);
  });

  it('places static redirect pages where a static host serves the old path', () => {
    expect(redirectPageFile('/2019/03/a/')).toBe('2019/03/a/index.html');
    expect(redirectPageFile('/2019/03/a.html')).toBe('2019/03/a.html');
    expect(redirectPageFile('/2019/03/a')).toBe('2019/03/a/index.html');
    const html = redirectPage('/downstream/articles/x/', 'https://s.example/downstream/articles/x/', 'en');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/downstream/articles/x/">');
    expect(html).toContain('<link rel="canonical" href="https://s.example/downstream/articles/x/">');
    expect(html).not.toMatch(/<script|<style/);
  });
});
