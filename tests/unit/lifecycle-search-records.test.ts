import { describe, expect, it } from 'vitest';
import {
  keyDate,
  lifecycleSearchRecords,
  parseLifecycleRecords,
  type DistroForSearch,
} from '../../src/lib/search/lifecycle-records.ts';
import { FACETS, RESULT_KINDS } from '../../src/lib/search/record.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const evidence = { url: 'https://example.org/lifecycle' };
// Shaped like content/distros/ubuntu.yaml; the dates are the test's own, chosen to exercise each branch.
const ubuntu: DistroForSearch = {
  id: 'ubuntu',
  name: 'Ubuntu',
  family: 'debian',
  description: 'A Debian-derived distribution.',
  releaseModel: 'fixed',
  releases: [
    {
      version: '22.04',
      codename: 'Jammy Jellyfish',
      released: d('2022-04-21'),
      supportEnd: d('2027-05-31'),
      eol: d('2032-05-31'),
      lts: true,
      evidence: { released: evidence, supportEnd: evidence, eol: evidence },
    },
    {
      version: '24.04',
      codename: 'Noble Numbat',
      released: d('2024-04-25'),
      supportEnd: d('2029-05-31'),
      eol: d('2034-05-31'),
      lts: true,
      latest: '24.04.4',
      latestDate: d('2026-02-12'),
      evidence: { released: evidence, supportEnd: evidence, eol: evidence, latest: evidence },
    },
    {
      version: '25.10',
      released: d('2025-10-09'),
      eol: d('2026-07-31'),
      evidence: { released: evidence, eol: evidence },
    },
  ],
};
const arch: DistroForSearch = {
  id: 'arch',
  name: 'Arch Linux',
  family: 'arch',
  description: 'A rolling distribution.',
  releaseModel: 'rolling',
  releases: [],
};
const now = d('2026-11-30');
const records = lifecycleSearchRecords([ubuntu, arch], now);
const byUrl = (url: string) => records.find((r) => r.url === url)!;

describe('hub and release search records', () => {
  it('has one record per hub and one per release, releases newest first after their hub', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/distros/ubuntu/',
      '/distros/ubuntu/#release-25-10',
      '/distros/ubuntu/#release-24-04',
      '/distros/ubuntu/#release-22-04',
      '/distros/arch/',
    ]);
  });

  it('titles a release by name, version and LTS, and files it under its kind, distribution and family', () => {
    const r = byUrl('/distros/ubuntu/#release-24-04');
    expect(r.meta).toMatchObject({ title: 'Ubuntu 24.04 LTS', kind: 'Release', distros: 'Ubuntu' });
    expect(r.filters).toEqual({ kind: ['Release'], distribution: ['Ubuntu'], family: ['Debian family'] });
    expect(byUrl('/distros/ubuntu/#release-25-10').meta.title).toBe('Ubuntu 25.10');
  });

  it('says everything a reader searches a release by: codename, version, both end dates in words and ISO', () => {
    const { content } = byUrl('/distros/ubuntu/#release-24-04');
    for (const text of [
      'Ubuntu 24.04 LTS (Noble Numbat)',
      'version 24.04 of Ubuntu',
      'long-term support',
      'Status on 30 November 2026: Supported.',
      'Released 25 April 2024 (2024-04-25).',
      'End of standard support (full support ends): 31 May 2029 (2029-05-31).',
      'End of life (all support ends): 31 May 2034 (2034-05-31).',
      'Latest point release: Ubuntu 24.04.4, 12 February 2026 (2026-02-12).',
    ])
      expect(content).toContain(text);
  });

  it('says so when a date is not published', () => {
    const { content } = byUrl('/distros/ubuntu/#release-25-10');
    expect(content).toContain('End of standard support: not published.');
    expect(content).toContain('End of life (all support ends): 31 July 2026 (2026-07-31).');
    expect(content).toContain('Status on 30 November 2026: End of life.');
  });

  it('gives a release the next date that matters as its key date, or the last one once all have passed', () => {
    expect(byUrl('/distros/ubuntu/#release-24-04').meta).toMatchObject({
      keyEvent: 'Full support ends',
      keyDate: '2029-05-31',
      keyDateLabel: '31 May 2029',
    });
    expect(byUrl('/distros/ubuntu/#release-25-10').meta).toMatchObject({
      keyEvent: 'End of life',
      keyDate: '2026-07-31',
    });
    const jammy = ubuntu.releases[0]!;
    expect(keyDate(jammy, d('2027-05-31'))).toEqual({ event: 'End of life', date: d('2032-05-31') });
    expect(keyDate(jammy, d('2040-01-01'))).toEqual({ event: 'End of life', date: d('2032-05-31') });
    expect(keyDate(jammy, d('2022-01-01'))).toEqual({ event: 'Release due', date: d('2022-04-21') });
    expect(keyDate({ released: d('2020-01-01') }, now)).toBeUndefined();
  });

  it('describes a hub with its family, model and supported releases, or why it has none', () => {
    const hub = byUrl('/distros/ubuntu/');
    expect(hub.meta).toEqual({ title: 'Ubuntu', kind: 'Distribution', distros: 'Ubuntu' });
    expect(hub.filters.kind).toEqual(['Distribution']);
    expect(hub.content).toContain('Ubuntu, a fixed-release distribution of the Debian family.');
    expect(hub.content).toContain('Supported releases on 30 November 2026: Ubuntu 24.04 LTS, Ubuntu 22.04 LTS.');
    expect(byUrl('/distros/arch/').content).toContain('Arch Linux, a rolling-release distribution of the Arch family.');
    expect(byUrl('/distros/arch/').content).toContain('No versioned releases are listed');
  });

  it('uses only facets and kinds the search page knows', () => {
    const keys = new Set<string>(FACETS.map((f) => f.key));
    const kinds = new Set<string>(Object.values(RESULT_KINDS));
    for (const r of records) {
      for (const key of Object.keys(r.filters)) expect(keys).toContain(key);
      for (const k of r.filters.kind!) expect(kinds).toContain(k);
    }
  });
});

describe('the records file', () => {
  it('round-trips', () => {
    expect(parseLifecycleRecords(JSON.stringify({ version: 1, records }), 'x')).toEqual(records);
  });
  it('names the file and the field when a record is broken', () => {
    const broken = JSON.stringify({ version: 1, records: [{ ...records[0], meta: {} }] });
    expect(() => parseLifecycleRecords(broken, 'dist/search/lifecycle-records.json')).toThrow(
      'dist/search/lifecycle-records.json: records[0].meta.title is missing',
    );
    expect(() => parseLifecycleRecords('{"version":2}', 'f.json')).toThrow('f.json: not a version 1');
  });
});
