import { describe, expect, it } from 'vitest';
import { lifecycleOverview } from '../../src/lib/lifecycle-overview.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const distro = (id: string, releaseModel: string, releases: { version: string; released: Date; eol?: Date }[]) => ({
  id,
  data: { name: id, family: 'independent' as const, releaseModel, releases },
});

describe('lifecycle overview: distributions without a current release', () => {
  const view = lifecycleOverview(
    [
      distro('ended', 'fixed', [{ version: '7', released: d('2014-06-10'), eol: d('2024-06-30') }]),
      distro('empty', 'fixed', []),
      distro('rolling', 'rolling', []),
      distro('current', 'fixed', [{ version: '1', released: d('2025-01-01'), eol: d('2030-01-01') }]),
    ],
    d('2026-11-30'),
  );
  it('tells ended releases apart from releases not listed yet, and from rolling releases', () => {
    expect(view.current.map((c) => c.distro.id)).toEqual(['current']);
    expect(view.ended.map((x) => x.id)).toEqual(['ended']);
    expect(view.unlisted.map((x) => x.id)).toEqual(['empty']);
    expect(view.rolling.map((x) => x.id)).toEqual(['rolling']);
  });
});
