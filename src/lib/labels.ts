import type { ArticleType } from '../schemas/article.ts';

export const TYPE_LABELS: Record<ArticleType, string> = {
  news: 'News',
  analysis: 'Analysis',
  guide: 'Guide',
  opinion: 'Opinion',
};

export const SECTION_TITLES: Record<ArticleType, { title: string; description: string }> = {
  news: {
    title: 'News',
    description: 'Releases, announcements and decisions across Linux distributions, as they happen.',
  },
  analysis: {
    title: 'Analysis',
    description: 'Long-form explanations of what changed, why, and what it means for the people who run Linux.',
  },
  guide: {
    title: 'Guides',
    description: 'Step-by-step guides with commands that work: migrations, upgrades, lifecycles.',
  },
  opinion: {
    title: 'Opinion',
    description: 'Positions taken by the Downstream editorial board, argued from the record.',
  },
};
