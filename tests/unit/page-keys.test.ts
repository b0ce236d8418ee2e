/**
 * Cache keys of the incremental build (src/lib/page-keys.ts): a key changes with anything a page shows and with
 * nothing else. The byte-for-byte gate over real builds is tests/build/incremental.test.ts.
 */
import type { PaginateFunction } from 'astro';
import { describe, expect, it, vi } from 'vitest';

const ENTRIES = vi.hoisted(() => {
  const entry = (collection: string, id: string, data: Record<string, unknown>, digest = `${id}-v1`) => ({
    collection,
    id,
    digest,
    data,
  });
  return {
    entry,
    articles: [entry('articles', 'a', { title: 'A', pubDate: new Date('2026-01-01T00:00:00Z') })],
    distros: [entry('distros', 'debian', { name: 'Debian', releases: [] })],
    authors: [entry('authors', 'news-desk', { name: 'News desk' })],
    topics: [entry('topics', 'releases', { name: 'Releases' })],
    series: [],
  };
});

vi.mock('astro:content', () => ({
  getCollection: vi.fn(async (name: 'articles' | 'distros' | 'authors' | 'topics' | 'series') => [...ENTRIES[name]]),
}));

const { pageKey, paginatedListings, serialize, siteKey, withCacheKeys } = await import('../../src/lib/page-keys.ts');
const { SITE } = await import('../../src/site.config.ts');
const { entry } = ENTRIES;

/** Astro's paginate() reduced to what the helper relies on: pages of `pageSize` items with the given params/props. */
const paginate = (<T, P, Q>(data: readonly T[], args?: { pageSize?: number; params?: Q; props?: P }) => {
  const size = args?.pageSize ?? 10;
  return Array.from({ length: Math.max(1, Math.ceil(data.length / size)) }, (_, i) => ({
    params: { ...args?.params, page: i === 0 ? undefined : String(i + 1) },
    props: { ...args?.props, page: { data: data.slice(i * size, (i + 1) * size), currentPage: i + 1, size } },
  }));
}) as unknown as PaginateFunction;

const article = (id: string, title: string, digest?: string) =>
  entry('articles', id, { title, pubDate: new Date('2026-01-01T00:00:00Z') }, digest);

describe('page keys', () => {
  it('write a content entry as collection, id and a hash of its digest and data, not its whole text', () => {
    const text = serialize({ related: [article('one', 'One')] });
    expect(text).toMatch(/^\{"related":\["articles\/one#[\w-]{43}"\]\}$/);
  });

  it('change when a shown article changes its file or its data, or a list changes order or length', () => {
    const one = article('one', 'One');
    const two = article('two', 'Two');
    const base = pageKey('site', { related: [one, two] });
    expect(pageKey('site', { related: [article('one', 'One'), article('two', 'Two')] })).toBe(base);
    expect(pageKey('site', { related: [article('one', 'One', 'one-v2'), two] })).not.toBe(base);
    expect(pageKey('site', { related: [article('one', 'One, renamed'), two] })).not.toBe(base);
    expect(pageKey('site', { related: [two, one] })).not.toBe(base);
    expect(pageKey('site', { related: [one] })).not.toBe(base);
    expect(pageKey('another site', { related: [one, two] })).not.toBe(base);
    expect(pageKey('site', { related: [one, two] }, new Date('2026-11-25'))).not.toBe(base);
  });

  it('refuse a value a key cannot represent instead of dropping it', () => {
    expect(() => pageKey('site', { render: () => 'x' })).toThrow(/"render" is a function/);
    expect(() => serialize({ id: Symbol('x') })).toThrow(/"id" is a symbol/);
  });

  it('write Maps and Sets by their contents', () => {
    expect(pageKey('s', new Map([['a', 1]]))).not.toBe(pageKey('s', new Map([['a', 2]])));
    expect(pageKey('s', new Set(['a']))).not.toBe(pageKey('s', new Set(['b'])));
  });

  it('key paginated paths by their params and props, plus what the route adds', () => {
    const paths = [
      { params: { page: undefined }, props: { page: { data: [article('one', 'One')], currentPage: 1 } } },
      { params: { page: '2' }, props: { page: { data: [article('two', 'Two')], currentPage: 2 } } },
    ];
    const keyed = withCacheKeys('site', paths);
    expect(keyed.map((p) => p.params)).toEqual(paths.map((p) => p.params));
    expect(new Set(keyed.map((p) => p.cacheKey)).size).toBe(2);
    expect(withCacheKeys('site', paths, new Date('2026-11-25'))[0]!.cacheKey).not.toBe(keyed[0]!.cacheKey);
  });

  it('paginate each listing of the published articles with the site page size, one key per page', async () => {
    const seen: string[][] = [];
    const paths = await paginatedListings(
      paginate,
      (articles) => {
        seen.push(articles.map((a) => a.id));
        return [
          { articles, params: { id: 'all' }, props: { label: 'All' } },
          { articles: [], params: { id: 'none' }, props: { label: 'None' } },
        ];
      },
      new Date('2026-11-25'),
    );
    expect(seen).toEqual([['a']]);
    expect(paths.map((p) => [p.params.id, p.props.label, p.props.page.size])).toEqual([
      ['all', 'All', SITE.pageSize],
      ['none', 'None', SITE.pageSize],
    ]);
    const site = await siteKey();
    expect(paths[0]!.cacheKey).toBe(pageKey(site, paths[0]!.params, { ...paths[0]!.props }, new Date('2026-11-25')));
    expect(paths[0]!.cacheKey).not.toBe(pageKey(site, paths[0]!.params, { ...paths[0]!.props }));
  });

  it('give the site one key from the reference collections and whether any article exists', async () => {
    const first = await siteKey();
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await siteKey()).toBe(first);
  });
});
