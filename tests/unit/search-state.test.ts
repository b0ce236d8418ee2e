import { describe, expect, it, vi } from 'vitest';
import {
  exactTitleFirst,
  isEmpty,
  pagefindFilters,
  pagefindSort,
  parseState,
  serializeState,
} from '../../src/lib/search/state.ts';

describe('search state in the URL', () => {
  it('round-trips query, facets and sort in a stable order', () => {
    const s = parseState('?type=Analysis&q=abi&distribution=Rocky+Linux&distribution=AlmaLinux+OS&sort=newest');
    expect(s).toEqual({
      q: 'abi',
      sort: 'newest',
      filters: { type: ['Analysis'], distribution: ['Rocky Linux', 'AlmaLinux OS'] },
    });
    expect(serializeState(s)).toBe(
      'q=abi&distribution=AlmaLinux+OS&distribution=Rocky+Linux&type=Analysis&sort=newest',
    );
    expect(parseState(serializeState(s))).toEqual({
      ...s,
      filters: { distribution: ['AlmaLinux OS', 'Rocky Linux'], type: ['Analysis'] },
    });
  });
  it('ignores unknown parameters, unknown sorts and duplicates', () => {
    expect(parseState('?foo=bar&sort=random&year=2024&year=2024')).toEqual({
      q: '',
      sort: 'relevance',
      filters: { year: ['2024'] },
    });
  });
  it('keeps hostile input as plain data, capped in length', () => {
    const s = parseState(`?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(s.q).toBe('<img src=x onerror=alert(1)>');
    expect(parseState(`?q=${'a'.repeat(500)}`).q).toHaveLength(200);
  });
  it('maps to Pagefind filters (any value within a facet) and sorts', () => {
    expect(pagefindFilters(parseState('?distribution=A&distribution=B&type=News'))).toEqual({
      distribution: { any: ['A', 'B'] },
      type: { any: ['News'] },
    });
    expect(pagefindSort('newest')).toEqual({ date: 'desc' });
    expect(pagefindSort('oldest')).toEqual({ date: 'asc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });
  it('knows an empty search', () => {
    expect(isEmpty(parseState(''))).toBe(true);
    expect(isEmpty(parseState('?q=%20'))).toBe(true);
    expect(isEmpty(parseState('?year=2024'))).toBe(false);
  });
  it('puts exact title matches first', () => {
    const rs = [{ meta: { title: 'Other' } }, { meta: { title: 'Debian 13  released' } }, { meta: { title: 'More' } }];
    expect(exactTitleFirst(rs, 'debian 13 released').map((r) => r.meta.title)).toEqual([
      'Debian 13  released',
      'Other',
      'More',
    ]);
    expect(exactTitleFirst(rs, '')).toBe(rs);
  });
  it('matches a headline’s typographic quotes with the straight ones a reader types', () => {
    const rs = [{ meta: { title: 'Other' } }, { meta: { title: 'Debian 12 “bookworm” ships, Red Hat’s view' } }];
    expect(exactTitleFirst(rs, `Debian 12 "bookworm" ships, Red Hat's view`)[0]).toBe(rs[1]);
  });
});

import { latestOnly } from '../../src/lib/search/latest-only.ts';

describe('latest-only scheduling of searches', () => {
  it('runs one task at a time and coalesces what arrives meanwhile into the latest', async () => {
    const ran: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = latestOnly(async (q: string) => {
      ran.push(q);
      if (q === 'k') await gate;
    });
    const first = run('k');
    void run('ke');
    void run('ker');
    const last = run('kernel');
    expect(ran).toEqual(['k']);
    release();
    await first;
    await last;
    expect(ran).toEqual(['k', 'kernel']);
    await run('x');
    expect(ran).toEqual(['k', 'kernel', 'x']);
  });

  it('keeps searching after a search fails: the failure reaches its caller, the next request still runs', async () => {
    const ran: string[] = [];
    const run = latestOnly(async (q: string) => {
      ran.push(q);
      if (q === 'A') throw new Error('index chunk failed to load');
    });
    await expect(run('A')).rejects.toThrow('index chunk failed to load');
    await run('AB');
    expect(ran).toEqual(['A', 'AB']);
    // A failure followed, within the same drain, by a later request that succeeds is not reported.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = latestOnly(async (q: string) => {
      ran.push(q);
      await gate;
      if (q === 'ABI?') throw new Error('bad');
    });
    const first = slow('ABI?');
    const last = slow('ABI');
    release();
    await expect(first).resolves.toBeUndefined();
    await last;
    expect(ran.slice(2)).toEqual(['ABI?', 'ABI']);
  });
});

import { resultStatus } from '../../src/lib/search/state.ts';

describe('search status line', () => {
  it('describes the search that produced the count, whatever the form holds now', () => {
    // The reader typed on while "ker" was searched: its count is labelled "ker", never "kernel".
    const searched = parseState('?q=ker');
    expect(resultStatus(searched, 12)).toBe('12 results for “ker”');
    expect(resultStatus(parseState('?q=kernel&distribution=Debian&type=News'), 1)).toBe(
      '1 result for “kernel” filtered by Debian, News',
    );
  });
  it('says what to try when nothing matched', () => {
    expect(resultStatus(parseState('?q=zzz'), 0)).toBe('0 results for “zzz”. Try other words.');
    expect(resultStatus(parseState('?q=ubuntu&sort=newest'), 7)).toBe(
      '7 results for “ubuntu” (articles only: distributions and releases have no date to sort by)',
    );
    expect(resultStatus(parseState('?q=abi&year=2016'), 0)).toBe(
      '0 results for “abi” filtered by 2016. Try removing filters.',
    );
  });
});

import { endsInShortWord, typingPause } from '../../src/lib/search/typing-pause.ts';

describe('a short last word waits for a pause in the typing', () => {
  it('tells a last word of one or two characters from a longer one', () => {
    const cases = ['u', 'ub', 'ubu', 'linux 9', 'linux 24', 'linux 9.4', ' ub ', 'x86-64-v2', ''];
    expect(cases.map((q) => `${q}: ${endsInShortWord(q)}`)).toEqual([
      'u: true',
      'ub: true',
      'ubu: false',
      'linux 9: true',
      'linux 24: true',
      'linux 9.4: false',
      ' ub : true',
      'x86-64-v2: false',
      ': false',
    ]);
  });

  it('resolves true after the pause, false at once when interrupted or replaced by a newer wait', async () => {
    vi.useFakeTimers();
    try {
      const pause = typingPause();
      const outcomes: string[] = [];
      void pause.wait(300).then((ok) => outcomes.push(`first ${ok}`));
      await vi.advanceTimersByTimeAsync(100);
      pause.interrupt();
      await vi.advanceTimersByTimeAsync(0);
      expect(outcomes).toEqual(['first false']);

      void pause.wait(300).then((ok) => outcomes.push(`second ${ok}`));
      await vi.advanceTimersByTimeAsync(100);
      void pause.wait(300).then((ok) => outcomes.push(`third ${ok}`));
      await vi.advanceTimersByTimeAsync(299);
      expect(outcomes).toEqual(['first false', 'second false']);
      await vi.advanceTimersByTimeAsync(1);
      expect(outcomes).toEqual(['first false', 'second false', 'third true']);
    } finally {
      vi.useRealTimers();
    }
  });
});
