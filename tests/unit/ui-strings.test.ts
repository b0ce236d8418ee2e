import { describe, expect, it } from 'vitest';
import { FEED_FORMATS } from '../../src/lib/feed-formats.ts';
import { EVENT_LABELS, STATUS_LABELS } from '../../src/lib/lifecycle.ts';
import { parseState, resultStatus } from '../../src/lib/search/state.ts';
import { LOCALE, UI } from '../../src/lib/ui-strings.ts';

describe('UI strings', () => {
  it('count results with the plural form of the site locale', () => {
    expect(LOCALE).toBe('en-GB');
    expect(UI.headerSearch.resultsFor(0, 'abi')).toBe('No results for “abi”');
    expect(UI.headerSearch.resultsFor(1, 'abi')).toBe('1 result for “abi”');
    expect(UI.headerSearch.resultsFor(12, 'abi')).toBe('12 results for “abi”');
    expect(UI.headerSearch.seeAll(1, 'abi')).toBe('See all 1 result for “abi”');
    expect(resultStatus(parseState('?q=abi'), 1)).toBe('1 result for “abi”');
  });

  it('are where feed links and lifecycle labels take their words from', () => {
    expect(FEED_FORMATS.map((f) => [f.label, f.name])).toEqual([
      [UI.feeds.rss.label, UI.feeds.rss.name],
      [UI.feeds.atom.label, UI.feeds.atom.name],
      [UI.feeds.json.label, UI.feeds.json.name],
    ]);
    expect(STATUS_LABELS.security).toBe('Security fixes only');
    expect(EVENT_LABELS['support-end']).toBe('Full support ends');
    expect(STATUS_LABELS).toBe(UI.lifecycle.status);
  });
});
