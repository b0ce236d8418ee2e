import { describe, expect, it } from 'vitest';
import { distro, issues } from './helpers.ts';
import { idRef, refFiles } from '../../src/schemas/refs.ts';

const src = (url = 'https://wiki.almalinux.org/release-notes/') => ({ url, verified: '2026-11-30' });
/** A release whose every date names its source, as the schema requires. */
const rel = (r: Record<string, unknown>) => ({
  ...r,
  evidence: Object.fromEntries(
    ['released', 'supportEnd', 'eol', 'latest'].filter((k) => k in r).map((k) => [k, src()]),
  ),
});

const valid = () => ({
  name: 'AlmaLinux OS',
  family: 'red-hat',
  description: 'A community rebuild of Red Hat Enterprise Linux.',
  rebuiltFrom: 'rhel',
  sponsor: 'AlmaLinux OS Foundation',
  releaseModel: 'fixed',
  website: 'https://almalinux.org/',
  releases: [rel({ version: '9', released: '2022-05-26', supportEnd: '2027-05-31', eol: '2032-05-31' })],
  sources: [
    { title: 'Release notes', url: 'https://wiki.almalinux.org/release-notes/', publisher: 'AlmaLinux OS Foundation' },
  ],
});

describe('distribution schema', () => {
  it('accepts a valid distribution', () => {
    expect(issues(distro, valid())).toEqual([]);
  });
  it('rejects an unknown family with the list of families', () => {
    expect(issues(distro, { ...valid(), family: 'redhat' }).join()).toContain(
      'family: expected one of: red-hat, debian, suse, arch, independent',
    );
  });
  it('rejects a lineage reference to an unknown distribution', () => {
    expect(issues(distro, { ...valid(), rebuiltFrom: 'rhel-9' }).join()).toContain(
      'rebuiltFrom: unknown distribution "rhel-9"',
    );
  });
  it('rejects end-of-life dates before the release date', () => {
    const r = { ...valid(), releases: [rel({ version: '9', released: '2022-05-26', eol: '2020-01-01' })] };
    expect(issues(distro, r).join()).toContain('releases.0.eol: eol is before the release date');
  });
  it('rejects eol before supportEnd', () => {
    const r = {
      ...valid(),
      releases: [rel({ version: '9', released: '2022-05-26', supportEnd: '2030-01-01', eol: '2029-01-01' })],
    };
    expect(issues(distro, r).join()).toContain('releases.0.eol: eol (end of all support) is before supportEnd');
  });
  it('rejects a version listed twice', () => {
    const r = {
      ...valid(),
      releases: [rel({ version: '9', released: '2022-05-26' }), rel({ version: '9', released: '2022-05-27' })],
    };
    expect(issues(distro, r).join()).toContain('releases.1.version: version "9" is listed twice');
  });
  it('rejects a numeric version (YAML 9.4 is a number, not "9.4")', () => {
    const r = { ...valid(), releases: [rel({ version: 9.4, released: '2022-05-26' })] };
    expect(issues(distro, r).join()).toContain('expected the version as a quoted string');
  });
  it('rejects a website that is not an absolute URL', () => {
    expect(issues(distro, { ...valid(), website: 'almalinux.org' }).join()).toContain(
      'website: expected an absolute http(s) URL',
    );
  });

  it('rejects a date without a source, naming the evidence field to add', () => {
    const r = { ...valid(), releases: [{ ...rel({ version: '9', released: '2022-05-26' }), eol: '2032-05-31' }] };
    expect(issues(distro, r).join()).toContain('releases.0.evidence.eol: eol has no source: add evidence.eol');
  });
  it('accepts evidence that was not verified yet (no verified date)', () => {
    const r = {
      ...valid(),
      releases: [{ version: '9', released: '2022-05-26', evidence: { released: { url: 'https://example.org/a' } } }],
    };
    expect(issues(distro, r)).toEqual([]);
  });
  it('rejects evidence for a date that is absent unless a note says why', () => {
    const ev = (note?: string) => ({ url: 'https://example.org/a', ...(note ? { note } : {}) });
    const base = { version: '9', released: '2022-05-26' };
    const without = { ...valid(), releases: [{ ...base, evidence: { released: ev(), eol: ev() } }] };
    expect(issues(distro, without).join()).toContain(
      'releases.0.evidence.eol: evidence.eol is given but the release has no eol',
    );
    const withNote = {
      ...valid(),
      releases: [{ ...base, evidence: { released: ev(), eol: ev('Not published yet.') } }],
    };
    expect(issues(distro, withNote)).toEqual([]);
  });
  it('rejects latestDate without latest, and a latestDate before the release', () => {
    const r = { ...valid(), releases: [rel({ version: '9', released: '2022-05-26', latestDate: '2021-01-01' })] };
    const msgs = issues(distro, r).join();
    expect(msgs).toContain('releases.0.latestDate: latestDate needs latest');
    expect(msgs).toContain('releases.0.latestDate: latestDate is before the release date');
  });
  it('rejects a version that is both listed and unlisted', () => {
    const r = { ...valid(), unlisted: [{ versions: ['8', '9'], note: 'Out of scope.' }] };
    expect(issues(distro, r).join()).toContain(
      'unlisted.0.versions.1: version "9" is both listed in releases and unlisted',
    );
  });
});

describe('where an unknown id is to be added', () => {
  it('names the files of the content tree that was built', () => {
    expect(refFiles('./content')).toEqual({
      authors: 'content/authors/<id>.yaml',
      distros: 'content/distros/<id>.yaml',
      topics: 'content/topics.yaml',
      series: 'content/series.yaml',
    });
    expect(refFiles('/srv/newsroom/archive/').distros).toBe('/srv/newsroom/archive/distros/<id>.yaml');
    const distros = idRef('distribution', ['debian'], refFiles('tests/fixtures/content').distros);
    expect(distros.safeParse('centos-9').error?.issues[0]?.message).toBe(
      'unknown distribution "centos-9": use one of debian (or add it to tests/fixtures/content/distros/<id>.yaml)',
    );
  });
});
