/**
 * The /series/ index: every series with its article count and the date of its newest article, the series with the
 * newest article first. A series nobody has written for yet comes last (its page exists; it has no feed).
 */
export interface SeriesSummary {
  id: string;
  name: string;
  description: string;
  count: number;
  /** Publication date of the newest article; undefined for a series with none. */
  newest?: Date;
}

interface SeriesInput {
  id: string;
  label: string;
  description: string;
  /** Newest first, as every scope holds them. */
  articles: readonly { data: { pubDate: Date } }[];
}

export function seriesSummaries(series: readonly SeriesInput[]): SeriesSummary[] {
  return series
    .map((s) => ({
      id: s.id,
      name: s.label,
      description: s.description,
      count: s.articles.length,
      newest: s.articles.reduce<Date | undefined>(
        (max, a) => (!max || a.data.pubDate > max ? a.data.pubDate : max),
        undefined,
      ),
    }))
    .sort(
      (a, b) => (b.newest?.getTime() ?? -Infinity) - (a.newest?.getTime() ?? -Infinity) || a.name.localeCompare(b.name),
    );
}
