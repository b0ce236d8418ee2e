import { describe, expect, it } from 'vitest';
import { distro, issues } from './helpers.ts';

const valid = () => ({
  name: 'AlmaLinux OS',
  family: 'red-hat',
  description: 'A community rebuild of Red Hat Enterprise Linux.',
  rebuiltFrom: 'rhel',
  sponsor: 'AlmaLinux OS Foundation',
  releaseModel: 'fixed',
  website: 'https://almalinux.org/',
  releases: [{ version: '9', released: '2022-05-26', supportEnd: '2027-05-31', eol: '2032-05-31' }],
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
    const r = { ...valid(), releases: [{ version: '9', released: '2022-05-26', eol: '2020-01-01' }] };
    expect(issues(distro, r).join()).toContain('releases.0.eol: eol is before the release date');
  });
  it('rejects eol before supportEnd', () => {
    const r = {
      ...valid(),
      releases: [{ version: '9', released: '2022-05-26', supportEnd: '2030-01-01', eol: '2029-01-01' }],
    };
    expect(issues(distro, r).join()).toContain('releases.0.eol: eol (end of all support) is before supportEnd');
  });
  it('rejects a version listed twice', () => {
    const r = {
      ...valid(),
      releases: [
        { version: '9', released: '2022-05-26' },
        { version: '9', released: '2022-05-27' },
      ],
    };
    expect(issues(distro, r).join()).toContain('releases.1.version: version "9" is listed twice');
  });
  it('rejects a numeric version (YAML 9.4 is a number, not "9.4")', () => {
    const r = { ...valid(), releases: [{ version: 9.4, released: '2022-05-26' }] };
    expect(issues(distro, r).join()).toContain('expected the version as a quoted string');
  });
  it('rejects a website that is not an absolute URL', () => {
    expect(issues(distro, { ...valid(), website: 'almalinux.org' }).join()).toContain(
      'website: expected an absolute http(s) URL',
    );
  });
});
