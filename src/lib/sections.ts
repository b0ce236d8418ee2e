/**
 * The sections of the site, one per article type: URL slug, the label of the kicker on cards and articles, the
 * title and description of the section page and feeds, and the schema.org type of its articles. Everything that
 * names a section reads it from here.
 */
// A type-only import: this module is also bundled for the browser (through urls.ts), where zod must not follow.
import type { ArticleType } from '../schemas/article.ts';

export interface Section {
  type: ArticleType;
  /** URL segment of the section page: /<slug>/ (the plural English word). */
  slug: string;
  /** Kicker on cards, article pages and social images, and the value of the search "type" facet. */
  label: string;
  /** Heading of the section page and title of its feeds. */
  title: string;
  description: string;
  /** schema.org type for the article's JSON-LD. */
  schemaType: 'NewsArticle' | 'TechArticle';
}

export const SECTIONS: Readonly<Record<ArticleType, Section>> = {
  news: {
    type: 'news',
    slug: 'news',
    label: 'News',
    title: 'News',
    description: 'Releases, announcements and decisions across Linux distributions, as they happen.',
    schemaType: 'NewsArticle',
  },
  analysis: {
    type: 'analysis',
    slug: 'analysis',
    label: 'Analysis',
    title: 'Analysis',
    description: 'Long-form explanations of what changed, why, and what it means for the people who run Linux.',
    schemaType: 'NewsArticle',
  },
  guide: {
    type: 'guide',
    slug: 'guides',
    label: 'Guide',
    title: 'Guides',
    description: 'Step-by-step guides with commands that work: migrations, upgrades, lifecycles.',
    schemaType: 'TechArticle',
  },
  opinion: {
    type: 'opinion',
    slug: 'opinion',
    label: 'Opinion',
    title: 'Opinion',
    description: 'Positions taken by the Downstream editorial board, argued from the record.',
    schemaType: 'NewsArticle',
  },
};

/** Every section, in the order of ARTICLE_TYPES (navigation, feeds, section pages). */
export const SECTION_LIST: readonly Section[] = Object.values(SECTIONS);

/** The section of an article type; throws on a type the schema does not know. */
export function sectionOf(type: string): Section {
  const section = (SECTIONS as Record<string, Section | undefined>)[type];
  if (!section) throw new Error(`Unknown article type "${type}"`);
  return section;
}
