/**
 * What an article's social image shows, taken from its read model: the section's kicker, the headline, its first
 * distribution and the publication date. The build writes these records to a data file (src/pages/og/cards.json.ts)
 * that the social-image integration draws from, so the image never depends on the page's markup.
 */
import type { ArticleView } from './article-view.ts';
import { formatDate } from './dates.ts';

export interface SocialCard {
  /** Article id: the image is written to paths.socialImage(id). */
  id: string;
  kicker: string;
  headline: string;
  /** The article's first (main) distribution; empty for an imported article not mapped to one yet. */
  distro: string;
  dateLabel: string;
}

export interface SocialCardsFile {
  version: 1;
  cards: SocialCard[];
}

export function socialCard(view: ArticleView): SocialCard {
  const main = view.distros[0];
  // Imported articles may have no distribution yet (relaxed policy, src/lib/imported.ts); new ones always have one.
  if (!main && !view.entry.data.imported)
    throw new Error(`article "${view.id}" has no distribution for its social image`);
  return {
    id: view.id,
    kicker: view.section.label,
    headline: view.title,
    distro: main?.name ?? '',
    dateLabel: formatDate(view.published),
  };
}

/** Checks a cards file read back by the build hook; throws naming the first thing that is wrong. */
export function parseSocialCards(json: string, where: string): SocialCard[] {
  const doc = JSON.parse(json) as Partial<SocialCardsFile>;
  if (doc.version !== 1 || !Array.isArray(doc.cards)) throw new Error(`${where}: not a version 1 social cards file`);
  const fields = ['id', 'kicker', 'headline', 'distro', 'dateLabel'] as const;
  doc.cards.forEach((card, i) => {
    for (const f of fields) {
      if (typeof card?.[f] !== 'string' || (card[f] === '' && f !== 'distro'))
        throw new Error(`${where}: cards[${i}].${f} is missing`);
    }
  });
  return doc.cards;
}
