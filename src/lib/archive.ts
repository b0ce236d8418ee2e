/** Groups articles (newest first) by year and month for the dated archive. */
export interface Dated {
  pubDate: Date;
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  items: T[];
}
export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

export function groupByMonth<T extends { data: Dated }>(items: readonly T[]): YearGroup<T>[] {
  const years = new Map<number, Map<number, T[]>>();
  for (const item of items) {
    const y = item.data.pubDate.getUTCFullYear();
    const m = item.data.pubDate.getUTCMonth() + 1;
    const months = years.get(y) ?? new Map<number, T[]>();
    years.set(y, months);
    const list = months.get(m) ?? [];
    months.set(m, list);
    list.push(item);
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, months]) => {
      const ms = [...months.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([month, list]) => ({ year, month, items: list }));
      return { year, months: ms, count: ms.reduce((n, m) => n + m.items.length, 0) };
    });
}
