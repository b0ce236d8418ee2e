import { describe, expect, it } from 'vitest';
import { HALF_LIFE_DAYS, WEIGHTS, relatedIndex, type Relatable, type RelatedStats } from '../../src/lib/related.ts';
import { createRng } from '../../scripts/bench/lib/prng.ts';

/** The definition of related coverage, written the obvious way: score every article that shares a key. */
function relatedByDefinition<T extends Relatable>(items: readonly T[], item: T, limit: number): T[] {
  const ranked: [T, number][] = [];
  for (const other of items) {
    if (other === item) continue;
    if (item.series && other.series === item.series) continue;
    let base = 0;
    item.distros.forEach((d, i) => {
      for (const o of other.distros) if (o === d) base += WEIGHTS.distro + (i === 0 ? WEIGHTS.primaryDistro : 0);
    });
    for (const t of item.topics) for (const o of other.topics) if (o === t) base += WEIGHTS.topic;
    if (base === 0) continue;
    const days = Math.abs(item.pubDate.getTime() - other.pubDate.getTime()) / 86_400_000;
    ranked.push([other, base * Math.pow(0.5, days / HALF_LIFE_DAYS)]);
  }
  ranked.sort(
    (a, b) => b[1] - a[1] || b[0].pubDate.getTime() - a[0].pubDate.getTime() || a[0].id.localeCompare(b[0].id),
  );
  return ranked.slice(0, limit).map(([t]) => t);
}

const DISTROS = Array.from({ length: 22 }, (_, i) => `distro-${i}`);
const TOPICS = Array.from({ length: 14 }, (_, i) => `topic-${i}`);
const FROM = Date.parse('2016-01-01T00:00:00Z');
const DAYS = 3980;

/**
 * A seeded archive shaped like the benchmark's: 1 to 3 distributions (a few of them far more common than the
 * rest), 1 to 3 topics, a series now and then, dates spread over eleven years (so a larger archive is denser).
 */
function archive(n: number, seed: number): Relatable[] {
  const rng = createRng(seed);
  const popular = (list: string[]) => list[Math.floor(list.length * rng.next() ** 2)]!;
  return Array.from({ length: n }, (_, i) => {
    const distros = [...new Set(Array.from({ length: rng.int(1, 3) }, () => popular(DISTROS)))];
    const topics = [...new Set(Array.from({ length: rng.int(1, 3) }, () => popular(TOPICS)))];
    return {
      id: `a${i}`,
      pubDate: new Date(FROM + rng.int(0, DAYS) * 86_400_000),
      distros,
      topics,
      ...(rng.chance(0.05) ? { series: `s${rng.int(1, 5)}` } : {}),
    };
  });
}

describe('related coverage at archive scale', () => {
  it('gives exactly the ranking of scoring every overlap', () => {
    const items = archive(600, 11);
    const related = relatedIndex(items);
    for (const item of items) {
      expect(related(item, 4).map((r) => r.id)).toEqual(relatedByDefinition(items, item, 4).map((r) => r.id));
    }
    // Other limits, and an article listing a key twice.
    const twice = { ...items[7]!, id: 'twice', distros: [items[7]!.distros[0]!, items[7]!.distros[0]!] };
    const withTwice = [...items, twice];
    const again = relatedIndex(withTwice);
    for (const item of [twice, ...items.slice(0, 50)]) {
      for (const limit of [1, 10])
        expect(again(item, limit).map((r) => r.id)).toEqual(
          relatedByDefinition(withTwice, item, limit).map((r) => r.id),
        );
    }
  }, 60_000);

  it('does work per article that does not grow with the archive (no O(n²) over a build)', () => {
    const perLookup = (n: number) => {
      const items = archive(n, 5);
      const stats: RelatedStats = { lookups: 0, visited: 0, scored: 0 };
      const related = relatedIndex(items, stats);
      for (const item of items) related(item, 4);
      return stats.visited / stats.lookups;
    };
    const small = perLookup(1000);
    const large = perLookup(4000);
    // Scoring every overlap visits a fixed share of the whole archive per article: four times as many at 4n (and
    // about half the archive each time). The walk stops as soon as the bound allows, and more articles mean better
    // matches nearby: measured 2.5 times as many at 4n, a few percent of the archive.
    expect(large / small).toBeLessThan(3.2);
    expect(large).toBeLessThan(4000 / 20);
  }, 60_000);
});
