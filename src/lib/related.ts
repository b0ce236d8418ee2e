/**
 * Related coverage: articles that share distributions and topics with a given one, weighted by how close in time
 * they were published. Uses an inverted index so the cost is proportional to the overlaps, not to n².
 */
export interface Relatable {
  id: string;
  pubDate: Date;
  distros: readonly string[];
  topics: readonly string[];
  series?: string;
}

export const WEIGHTS = { distro: 3, primaryDistro: 2, topic: 1, series: -100 } as const;
/** Half-life of the recency factor, in days: an article a year apart counts half as much. */
export const HALF_LIFE_DAYS = 365;

export function relatedIndex<T extends Relatable>(items: readonly T[]) {
  const byKey = new Map<string, T[]>();
  const add = (key: string, item: T) => {
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  };
  for (const item of items) {
    for (const d of item.distros) add(`d:${d}`, item);
    for (const t of item.topics) add(`t:${t}`, item);
  }

  return function related(item: T, limit = 4): T[] {
    const scores = new Map<T, number>();
    const bump = (key: string, weight: number) => {
      for (const other of byKey.get(key) ?? []) {
        if (other === item) continue;
        scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    item.distros.forEach((d, i) => bump(`d:${d}`, WEIGHTS.distro + (i === 0 ? WEIGHTS.primaryDistro : 0)));
    for (const t of item.topics) bump(`t:${t}`, WEIGHTS.topic);
    const ranked: [T, number][] = [];
    for (const [other, base] of scores) {
      // Articles of the same series are listed by the series navigation instead.
      if (item.series && other.series === item.series) continue;
      const days = Math.abs(item.pubDate.getTime() - other.pubDate.getTime()) / 86_400_000;
      ranked.push([other, base * Math.pow(0.5, days / HALF_LIFE_DAYS)]);
    }
    ranked.sort(
      (a, b) => b[1] - a[1] || b[0].pubDate.getTime() - a[0].pubDate.getTime() || a[0].id.localeCompare(b[0].id),
    );
    return ranked.slice(0, limit).map(([t]) => t);
  };
}

/** Where an item sits in a series: its index, and the items before and after it. */
export interface SeriesNeighbours<T> {
  index: number;
  previous?: T;
  next?: T;
}

/** Previous and next article of a series, which is read oldest first. */
export function seriesNeighbours<T extends { id: string }>(ordered: readonly T[], id: string): SeriesNeighbours<T> {
  const i = ordered.findIndex((a) => a.id === id);
  return {
    index: i,
    previous: i > 0 ? ordered[i - 1] : undefined,
    next: i >= 0 && i < ordered.length - 1 ? ordered[i + 1] : undefined,
  };
}
