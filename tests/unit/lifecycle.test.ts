import { describe, expect, it } from 'vitest';
import { maintainedReleases, supportStatus } from '../../src/lib/lifecycle.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
// AlmaLinux 8 as published: released 2021-03-30, active support to 2024-05-31, security support to 2029-05-31.
const alma8 = { released: d('2021-03-30'), supportEnd: d('2024-05-31'), eol: d('2029-05-31') };

describe('support status against a fixed build date', () => {
  it('is upcoming before release', () => expect(supportStatus(alma8, d('2021-01-01'))).toBe('upcoming'));
  it('is supported on release day', () => expect(supportStatus(alma8, d('2021-03-30'))).toBe('supported'));
  it('is supported the day before supportEnd', () => expect(supportStatus(alma8, d('2024-05-30'))).toBe('supported'));
  it('is security-only from supportEnd', () => expect(supportStatus(alma8, d('2024-05-31'))).toBe('security'));
  it('is end of life from eol', () => expect(supportStatus(alma8, d('2029-05-31'))).toBe('eol'));
  it('treats a single published end date as end of life', () => {
    expect(supportStatus({ released: d('2020-01-01'), supportEnd: d('2022-01-01') }, d('2023-01-01'))).toBe('eol');
    expect(supportStatus({ released: d('2020-01-01'), eol: d('2022-01-01') }, d('2021-01-01'))).toBe('supported');
  });
  it('keeps a release without end dates supported', () => {
    expect(supportStatus({ released: d('2020-01-01') }, d('2040-01-01'))).toBe('supported');
  });
  it('lists maintained releases newest first', () => {
    const rs = [
      { version: '7', released: d('2014-06-10'), eol: d('2024-06-30') },
      { version: '8', ...alma8 },
      { version: '9', released: d('2022-05-26'), supportEnd: d('2027-05-31'), eol: d('2032-05-31') },
    ];
    expect(maintainedReleases(rs, d('2026-11-25')).map((r) => r.version)).toEqual(['9', '8']);
  });
});
