/**
 * The ways coverage is sliced: the whole site, each distribution, topic, desk and section. Pages, feeds and the
 * feed directory all enumerate scopes from here, so a new kind of listing gets its feed for free.
 */
import {
  getArticles,
  getIndex,
  articlesByAuthor,
  articlesOfType,
  articlesWithDistro,
  articlesWithTopic,
  type Article,
} from './content.ts';
import { paths } from './urls.ts';
import { SECTION_TITLES } from './labels.ts';
import { ARTICLE_TYPES } from '../schemas/article.ts';
import { SITE } from '../site.config.ts';

export interface Scope {
  kind: 'site' | 'distro' | 'topic' | 'section' | 'author';
  id: string;
  title: string;
  description: string;
  /** Site path of the HTML listing; feeds live beside it (<path>feed.xml). */
  path: string;
  articles: Article[];
}

export async function feedScopes(): Promise<Scope[]> {
  const [articles, index] = await Promise.all([getArticles(), getIndex()]);
  const scopes: Scope[] = [
    { kind: 'site', id: 'all', title: 'All coverage', description: SITE.description, path: '/', articles },
  ];
  for (const t of ARTICLE_TYPES) {
    scopes.push({
      kind: 'section',
      id: t,
      title: SECTION_TITLES[t].title,
      description: SECTION_TITLES[t].description,
      path: paths.section(t),
      articles: articlesOfType(articles, t),
    });
  }
  for (const d of index.distros.values()) {
    scopes.push({
      kind: 'distro',
      id: d.id,
      title: `${d.data.name} coverage`,
      description: `Downstream's coverage of ${d.data.name}.`,
      path: paths.distro(d.id),
      articles: articlesWithDistro(articles, d.id),
    });
  }
  for (const t of index.topics.values()) {
    scopes.push({
      kind: 'topic',
      id: t.id,
      title: t.data.name,
      description: t.data.description,
      path: paths.topic(t.id),
      articles: articlesWithTopic(articles, t.id),
    });
  }
  for (const a of index.authors.values()) {
    scopes.push({
      kind: 'author',
      id: a.id,
      title: a.data.name,
      description: a.data.bio,
      path: paths.author(a.id),
      articles: articlesByAuthor(articles, a.id),
    });
  }
  return scopes;
}

export type { Article };
