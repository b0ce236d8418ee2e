/**
 * Pagefind reads article pages only (src/integrations/pagefind.ts, INDEXED_PAGES). That is complete only while
 * data-pagefind-body, which makes Pagefind index a page, is written by ArticleLayout alone and ArticleLayout is used by
 * the articles route alone: a search page of another kind would silently be left out of the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEXED_PAGES } from '../../src/integrations/pagefind.ts';
import { paths } from '../../src/lib/urls.ts';

const ROOT = join(import.meta.dirname, '../..');
const sources = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.(astro|ts|tsx|js|mjs|md|mdx)$/.test(d.name))
  .map((d) => relative(ROOT, join(d.parentPath, d.name)))
  .sort();
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('what Pagefind indexes', () => {
  it('data-pagefind-body is written by the article layout only', () => {
    const writers = sources.filter(
      (f) => f !== 'src/integrations/pagefind.ts' && /data-pagefind-body(?!\w)/.test(text(f)),
    );
    expect(writers).toEqual(['src/layouts/ArticleLayout.astro']);
  });

  it('the article layout is used by the article route only, whose pages the glob covers', () => {
    const users = sources.filter((f) => /from ['"][./]*(layouts\/)?ArticleLayout\.astro['"]/.test(text(f)));
    expect(users).toEqual(['src/pages/articles/[...id].astro']);
    expect(INDEXED_PAGES).toBe('articles/**/index.html');
    expect(`${paths.article('a/b').slice(1)}index.html`).toMatch(/^articles\/.+\/index\.html$/);
  });
});
