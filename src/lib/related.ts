/**
 * Related coverage: articles that share distributions and topics with a given one, weighted by how close in time
 * they were published.
 *
 * Every article shares a popular distribution or topic with a large part of the archive, so scoring every overlap
 * is O(n²) over a build (21.7 s at 10,000 articles). The score of a candidate is at most the article's own best
 * possible overlap times the recency factor of its distance in time, so candidates are visited from the nearest
 * date outwards in each shared key's date-ordered list, and the walk stops once nothing further away can reach the
 * last of the places asked for. The result is exactly the one of scoring every overlap (same scores, same order).
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

const DAY_MS = 86_400_000;
const recency = (ms: number) => Math.pow(0.5, ms / DAY_MS / HALF_LIFE_DAYS);

/** Work counters, for tests that guard the complexity (the number of candidates scored per lookup). */
export interface RelatedStats {
  lookups: number;
  /** Candidates taken off a key's list (each one costs a few comparisons). */
  visited: number;
  /** Distinct candidates scored. */
  scored: number;
}

const count = (list: readonly string[], key: string) => {
  let n = 0;
  for (const k of list) if (k === key) n++;
  return n;
};

interface Entry<T> {
  item: T;
  time: number;
}

export function relatedIndex<T extends Relatable>(items: readonly T[], stats?: RelatedStats) {
  // Per key, the items carrying it ordered by date (then input order), and each item's position in that list.
  const byKey = new Map<string, Entry<T>[]>();
  const add = (key: string, item: T) => {
    const entry = { item, time: item.pubDate.getTime() };
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  // A key listed twice on one article counts twice (as in scoring every overlap); it also raises the bound.
  let multiplicity = 1;
  for (const item of items) {
    const distros = new Set(item.distros);
    const topics = new Set(item.topics);
    if (distros.size < item.distros.length || topics.size < item.topics.length)
      multiplicity = Math.max(multiplicity, ...[...item.distros, ...item.topics].map((k, _, all) => count(all, k)));
    for (const d of distros) add(`d:${d}`, item);
    for (const t of topics) add(`t:${t}`, item);
  }
  const position = new Map<string, Map<T, number>>();
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.time - b.time);
    position.set(key, new Map(list.map((e, i) => [e.item, i])));
  }

  /** What `other` shares with `item`, weighted as scoring every overlap adds it up. */
  const baseScore = (item: T, other: T): number => {
    let base = 0;
    item.distros.forEach((d, i) => {
      base += count(other.distros, d) * (WEIGHTS.distro + (i === 0 ? WEIGHTS.primaryDistro : 0));
    });
    for (const t of item.topics) base += count(other.topics, t) * WEIGHTS.topic;
    return base;
  };

  const better = (a: [T, number], b: [T, number]) =>
    b[1] - a[1] || b[0].pubDate.getTime() - a[0].pubDate.getTime() || a[0].id.localeCompare(b[0].id);

  return function related(item: T, limit = 4): T[] {
    if (stats) stats.lookups++;
    const time = item.pubDate.getTime();
    // What sharing each key is worth to this article (a key it lists twice counts twice).
    const worth = new Map<string, number>();
    const credit = (key: string, w: number) => worth.set(key, (worth.get(key) ?? 0) + w * multiplicity);
    item.distros.forEach((d, i) => credit(`d:${d}`, WEIGHTS.distro + (i === 0 ? WEIGHTS.primaryDistro : 0)));
    for (const t of item.topics) credit(`t:${t}`, WEIGHTS.topic);

    // Per key, two cursors (towards older, towards newer) starting next to the article itself.
    interface Cursor {
      list: Entry<T>[];
      at: number;
      step: -1 | 1;
      /** Candidates taken from this cursor so far. */
      taken: number;
      /** The key's worth, and its other cursor. */
      worth: number;
      other?: Cursor;
    }
    const cursors: Cursor[] = [];
    for (const [key, w] of worth) {
      const list = byKey.get(key);
      if (!list) continue;
      let at = position.get(key)?.get(item);
      let from = at === undefined ? 0 : at + 1;
      if (at === undefined) {
        // Not indexed (an article outside the list): start where its date would be.
        at = list.findIndex((e) => e.time >= time);
        if (at < 0) at = list.length;
        from = at;
      }
      const older: Cursor = { list, at: at - 1, step: -1, taken: 0, worth: w };
      const newer: Cursor = { list, at: from, step: 1, taken: 0, worth: w, other: older };
      older.other = newer;
      cursors.push(older, newer);
    }
    const distanceOf = (c: Cursor) => {
      const e = c.list[c.at];
      return e ? Math.abs(time - e.time) : Infinity;
    };
    // Per key (every other cursor), the distance of its nearer cursor: a candidate not reached yet is at least that
    // far if it shares the key.
    const near: { worth: number; distance: number }[] = [];
    for (let i = 0; i < cursors.length; i += 2) near.push({ worth: cursors[i]!.worth, distance: 0 });
    /**
     * The best score a candidate not reached yet could have: it shares some keys and lies beyond the cursors of
     * each, so the best case shares every key whose nearer cursor is within some distance D, at distance D.
     */
    const bound = () => {
      for (let i = 0; i < near.length; i++)
        near[i]!.distance = Math.min(distanceOf(cursors[2 * i]!), distanceOf(cursors[2 * i + 1]!));
      near.sort((x, y) => x.distance - y.distance);
      let best = 0;
      let sum = 0;
      for (const k of near) {
        if (k.distance === Infinity) break;
        sum += k.worth;
        best = Math.max(best, sum * recency(k.distance));
      }
      // Restore key order for the next call (near[i] belongs to cursors 2i and 2i+1).
      for (let i = 0; i < near.length; i++) near[i]!.worth = cursors[2 * i]!.worth;
      return best;
    };

    const seen = new Set<T>([item]);
    // The `limit` best so far, best first (limit is small).
    const top: [T, number][] = [];
    if (limit <= 0) return [];
    let steps = 0;
    for (;;) {
      // Take turns between the keys (fewest taken first, then nearest in time): a rare key's list reaches far back
      // in few steps, which is what lowers the bound for candidates that share it.
      let next: Cursor | undefined;
      let nextDistance = Infinity;
      for (const c of cursors) {
        const distance = distanceOf(c);
        if (distance === Infinity) continue;
        if (!next || c.taken < next.taken || (c.taken === next.taken && distance < nextDistance)) {
          next = c;
          nextDistance = distance;
        }
      }
      if (!next) break;
      // Stop once nothing not reached yet can score as high as the last place (checked once per round of turns:
      // the bound costs more than a step).
      if (++steps % cursors.length === 0 && top.length >= limit && bound() < top[top.length - 1]![1]) break;
      const other = next.list[next.at]!.item;
      next.at += next.step;
      next.taken++;
      if (stats) stats.visited++;
      if (seen.has(other)) continue;
      seen.add(other);
      // Articles of the same series are listed by the series navigation instead.
      if (item.series && other.series === item.series) continue;
      if (stats) stats.scored++;
      const days = Math.abs(time - other.pubDate.getTime()) / DAY_MS;
      const entry: [T, number] = [other, baseScore(item, other) * Math.pow(0.5, days / HALF_LIFE_DAYS)];
      if (top.length < limit || better(entry, top[top.length - 1]!) < 0) {
        top.push(entry);
        top.sort(better);
        if (top.length > limit) top.pop();
      }
    }
    return top.map(([t]) => t);
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
