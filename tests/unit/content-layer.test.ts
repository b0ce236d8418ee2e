/**
 * The content-access layer (src/lib/content.ts) and the article read model (src/lib/article-view.ts) over a mocked
 * `astro:content`, the way Starlight tests its collection access: getCollection() has no data store under Vitest.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ENTRIES = vi.hoisted(() => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const article = (id: string, data: Record<string, unknown>, body = 'word '.repeat(460)) => ({
    id,
    collection: 'articles',
    body,
    data: {
      title: `Title of ${id}`,
      description: `Dek of ${id}`,
      pubDate: d('2025-03-01'),
      authors: ['news-desk'],
      distros: ['rocky-linux', 'almalinux'],
      topics: ['lifecycle'],
      type: 'news',
      draft: false,
      scheduled: false,
      sources: [{ title: 'Notes', url: 'https://example.org/notes', publisher: 'Example' }],
      updates: [],
      ...data,
    },
  });
  return {
    d,
    articles: [
      article('old', { pubDate: d('2024-01-10') }),
      article('new', {
        pubDate: d('2025-06-01'),
        type: 'guide',
        series: 'el-rebuilds',
        // updatedDate is older than the last listed update: the later date wins.
        updatedDate: d('2025-06-03'),
        updates: [
          { date: d('2025-06-10'), note: 'Corrected a version number.' },
          { date: d('2025-06-05'), note: 'Added a source.' },
        ],
      }),
      article('draft', { draft: true, pubDate: d('2025-01-01') }),
      article('scheduled', { scheduled: true, pubDate: d('2099-01-01') }),
      article('same-day-b', { pubDate: d('2025-03-01') }),
      article('same-day-a', { pubDate: d('2025-03-01') }),
    ],
    distros: [
      { id: 'rocky-linux', collection: 'distros', data: { name: 'Rocky Linux', family: 'red-hat' } },
      { id: 'almalinux', collection: 'distros', data: { name: 'AlmaLinux OS', family: 'red-hat' } },
      { id: 'debian', collection: 'distros', data: { name: 'Debian', family: 'debian' } },
    ],
    authors: [{ id: 'news-desk', collection: 'authors', data: { name: 'News desk' } }],
    topics: [{ id: 'lifecycle', collection: 'topics', data: { name: 'Lifecycles' } }],
    series: [{ id: 'el-rebuilds', collection: 'series', data: { name: 'The EL rebuilds' } }],
  };
});

vi.mock('astro:content', () => ({
  getCollection: vi.fn(async (name: keyof typeof ENTRIES, filter?: (e: unknown) => boolean) => {
    const list = ENTRIES[name] as unknown[];
    return filter ? list.filter(filter) : [...list];
  }),
}));

const { getArticles, getArticlesBySeries, getIndex, articlesInSeries, articlesOfType, articlesWithDistro } =
  await import('../../src/lib/content.ts');
const { articleView, lastUpdated, resolveId, toArticleView } = await import('../../src/lib/article-view.ts');
const { searchRecord } = await import('../../src/lib/search/record.ts');
const { articleJsonLd, articleCrumbs } = await import('../../src/lib/structured-data.ts');
const { feedScopes, scopesWithFeeds } = await import('../../src/lib/scopes.ts');
const { articlePage } = await import('../../src/lib/article-page.ts');

beforeEach(() => {
  // Production visibility (no drafts) against a fixed build clock.
  vi.stubEnv('BUILD_DATE', '2026-11-25');
  vi.stubEnv('DEV', false);
});

describe('content access', () => {
  it('lists visible articles newest first, ties by id, without drafts or future articles', async () => {
    vi.resetModules();
    const fresh = await import('../../src/lib/content.ts');
    const ids = (await fresh.getArticles()).map((a) => a.id);
    expect(ids).toEqual(['new', 'same-day-a', 'same-day-b', 'old']);
  });

  it('indexes the reference collections by id', async () => {
    const index = await getIndex();
    expect([...index.distros.keys()]).toEqual(['almalinux', 'debian', 'rocky-linux']);
    expect(index.topics.get('lifecycle')?.data.name).toBe('Lifecycles');
    expect(await getIndex()).toBe(index);
  });

  it('slices articles by distribution, type and series', async () => {
    const all = await getArticles();
    expect(articlesWithDistro(all, 'almalinux').length).toBe(all.length);
    expect(articlesWithDistro(all, 'debian')).toEqual([]);
    expect(articlesOfType(all, 'guide').map((a) => a.id)).toEqual(['new']);
    expect(articlesInSeries(await getArticlesBySeries(), 'el-rebuilds').map((a) => a.id)).toEqual(['new']);
    expect(articlesInSeries(await getArticlesBySeries(), 'no-such-series')).toEqual([]);
    // Reading order is oldest first, whatever order the grouped list (newest first) is in.
    expect(articlesInSeries(new Map([['s', all]]), 's').map((a) => a.id)).toEqual([
      'old',
      'same-day-b',
      'same-day-a',
      'new',
    ]);
  });
});

describe('article read model', () => {
  it('resolves distributions, families, topics, desks and series once', async () => {
    const [article] = await getArticles();
    const view = await articleView(article!);
    expect(view.distros.map((d) => [d.name, d.path, d.familyName])).toEqual([
      ['Rocky Linux', '/distros/rocky-linux/', 'Red Hat family'],
      ['AlmaLinux OS', '/distros/almalinux/', 'Red Hat family'],
    ]);
    expect(view.families).toEqual(['Red Hat family']);
    expect(view.authors).toEqual([{ id: 'news-desk', name: 'News desk', path: '/authors/news-desk/' }]);
    expect(view.series).toEqual({ id: 'el-rebuilds', name: 'The EL rebuilds', path: '/series/el-rebuilds/' });
    expect(view.section.label).toBe('Guide');
    expect(view.path).toBe('/articles/new/');
    expect(view.socialImage).toBe('/og/articles/new.png');
    expect(view.readingMinutes).toBe(2);
    expect(await articleView(article!)).toBe(view);
  });

  it('takes the latest of updatedDate and the listed updates as "last updated"', async () => {
    const view = await articleView((await getArticles())[0]!);
    expect(view.updated?.toISOString().slice(0, 10)).toBe('2025-06-10');
    expect(view.modified).toEqual(view.updated);
    expect(lastUpdated({ updatedDate: ENTRIES.d('2025-07-01'), updates: [] })).toEqual(ENTRIES.d('2025-07-01'));
    expect(lastUpdated({ updatedDate: undefined, updates: [] })).toBeUndefined();
    const old = await articleView((await getArticles()).at(-1)!);
    expect(old.updated).toBeUndefined();
    expect(old.modified).toEqual(old.published);
  });

  it('fails on an id that does not resolve, naming the article, the kind and the id', async () => {
    const index = await getIndex();
    const [article] = await getArticles();
    const broken = { ...article!, data: { ...article!.data, topics: ['gone'] } };
    expect(() => toArticleView(broken, index)).toThrow(
      'article "new" names topic "gone", which does not exist: add it or correct the article\'s front matter',
    );
    expect(() => resolveId(new Map(), 'x', 'desk', 'a')).toThrow('names desk "x"');
  });

  it('writes the search record from the view: facets in order, display names, sortable date', async () => {
    const record = searchRecord(await articleView((await getArticles())[0]!));
    expect(record.filters).toEqual([
      ['kind', 'Article'],
      ['distribution', 'Rocky Linux'],
      ['distribution', 'AlmaLinux OS'],
      ['family', 'Red Hat family'],
      ['type', 'Guide'],
      ['topic', 'Lifecycles'],
      ['author', 'News desk'],
      ['year', '2025'],
    ]);
    expect(record.meta).toEqual({
      date: '2025-06-01',
      dateLabel: '1 June 2025',
      type: 'Guide',
      distros: 'Rocky Linux, AlmaLinux OS',
    });
    expect(record.sort).toEqual({ date: '2025-06-01' });
  });

  it('builds JSON-LD with the same dates and names', async () => {
    const view = await articleView((await getArticles())[0]!);
    const [crumbs, article] = articleJsonLd(view, articleCrumbs(view), new URL('https://x.example')) as unknown as [
      { itemListElement: Array<{ name: string; item?: string }> },
      Record<string, unknown>,
    ];
    expect(crumbs.itemListElement.map((c) => c.name)).toEqual(['Home', 'Guides', 'Title of new']);
    expect(article['@type']).toBe('TechArticle');
    expect(article.dateModified).toBe('2025-06-10T00:00:00.000Z');
    expect(article.author).toEqual([{ '@type': 'Organization', name: 'News desk, Downstream' }]);
    expect(article.url).toBe('https://x.example/articles/new/');
  });
});

describe('views pages ask for', () => {
  it('slices coverage into feed scopes: the site, each section, distribution, topic, series and desk', async () => {
    const scopes = await feedScopes();
    expect(scopes.map((s) => `${s.kind}:${s.id} ${s.label} ${s.path} ${s.articles.length}`)).toEqual([
      'site:all All coverage / 4',
      'section:news News /news/ 3',
      'section:analysis Analysis /analysis/ 0',
      'section:guide Guides /guides/ 1',
      'section:opinion Opinion /opinion/ 0',
      'distro:almalinux AlmaLinux OS /distros/almalinux/ 4',
      'distro:debian Debian /distros/debian/ 0',
      'distro:rocky-linux Rocky Linux /distros/rocky-linux/ 4',
      'topic:lifecycle Lifecycles /topics/lifecycle/ 4',
      'series:el-rebuilds The EL rebuilds /series/el-rebuilds/ 1',
      'author:news-desk News desk /authors/news-desk/ 4',
    ]);
  });

  it('gives feeds only to scopes with at least one article, newest article first', async () => {
    const scopes = await scopesWithFeeds();
    expect(scopes.map((s) => `${s.kind}:${s.id}`)).toEqual([
      'site:all',
      'section:news',
      'section:guide',
      'distro:almalinux',
      'distro:rocky-linux',
      'topic:lifecycle',
      'series:el-rebuilds',
      'author:news-desk',
    ]);
    expect(scopes[0]!.articles.map((a) => a.id)).toEqual(['new', 'same-day-a', 'same-day-b', 'old']);
  });

  it('gives an article page its view, related coverage and place in its series', async () => {
    const [newest, ...rest] = await getArticles();
    const page = await articlePage(newest!);
    expect(page.view.id).toBe('new');
    expect(page.related.map((a) => a.id).sort()).toEqual(rest.map((a) => a.id).sort());
    expect(page.series?.items.map((a) => a.id)).toEqual(['new']);
    expect(page.series?.nav).toEqual({ index: 0, previous: undefined, next: undefined });
    const plain = await articlePage(rest.at(-1)!);
    expect(plain.series).toBeUndefined();
  });
});
