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
import { SECTION_LIST } from './sections.ts';
import { SITE } from '../site.config.ts';

export interface Scope {
  kind: 'site' | 'distro' | 'topic' | 'section' | 'author';
  id: string;
  title: string;
  description: string;
  /** Site path of the HTML listing; its feeds live beside it (paths.feed). */
  path: string;
  articles: Article[];
}

export async function feedScopes(): Promise<Scope[]> {
  const [articles, index] = await Promise.all([getArticles(), getIndex()]);
  const scopes: Scope[] = [
    { kind: 'site', id: 'all', title: 'All coverage', description: SITE.description, path: '/', articles },
  ];
  for (const s of SECTION_LIST) {
    scopes.push({
      kind: 'section',
      id: s.type,
      title: s.title,
      description: s.description,
      path: paths.section(s.type),
      articles: articlesOfType(articles, s.type),
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
