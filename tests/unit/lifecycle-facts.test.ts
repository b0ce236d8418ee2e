import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  checkComponentUses,
  componentUses,
  datesToReview,
  endsInPhrase,
  evidenceCounts,
  findRelease,
  reviewCutoff,
  type DistroFacts,
} from '../../src/lib/lifecycle-facts.ts';
import { readDistros } from '../../src/lib/distro-files.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const ev = (verified?: string) => ({ url: 'https://www.debian.org/releases/', ...(verified ? { verified } : {}) });
const db: DistroFacts<string>[] = [
  {
    id: 'debian',
    name: 'Debian GNU/Linux',
    file: 'content/distros/debian.yaml',
    releases: [
      {
        version: '12',
        released: '2023-06-10',
        supportEnd: '2026-07-11',
        eol: '2028-06-30',
        latest: '12.15',
        latestDate: '2026-07-11',
        evidence: { released: ev('2026-11-30'), supportEnd: ev('2026-05-01'), eol: ev(), latest: ev('2026-06-01') },
      },
      { version: '13', released: '2025-08-09', evidence: { released: ev('2026-11-30') } },
    ],
  },
];

describe('looking up a release', () => {
  it('finds it by distribution id and version', () => {
    const r = findRelease(db, 'debian', '12');
    expect(r.ok && r.release.supportEnd).toBe('2026-07-11');
  });
  it('says which ids exist when one is unknown', () => {
    expect(findRelease(db, 'debain', '12')).toEqual({
      ok: false,
      message: 'unknown distribution "debain": use one of debian',
    });
    expect(findRelease(db, 'debian', '11')).toEqual({
      ok: false,
      message: 'Debian GNU/Linux has no release "11" in content/distros/debian.yaml: use one of 12, 13',
    });
  });
  it('names the file of the content folder that was read, not content/distros/', () => {
    const distros = readDistros('tests/fixtures/content/distros');
    expect(distros.map((d) => d.file)).toEqual(['tests/fixtures/content/distros/debian.yaml']);
    const versions = distros[0]!.releases.map((r) => r.version).join(', ');
    expect(findRelease(distros, 'debian', '11')).toEqual({
      ok: false,
      message: `Debian GNU/Linux has no release "11" in tests/fixtures/content/distros/debian.yaml: use one of ${versions}`,
    });
    expect(
      checkComponentUses('x.mdx', '<EndsIn distro="debian" release="12" field="supportEnd" />', [
        { ...distros[0]!, releases: [{ version: '12', released: '2023-06-10' }] },
      ]),
    ).toEqual([
      'x.mdx:1: <EndsIn>: Debian GNU/Linux 12 has no supportEnd in tests/fixtures/content/distros/debian.yaml; state it in prose with its source, or add the date with its evidence',
    ]);
  });
});

describe('"ends in" phrases against the build clock', () => {
  it.each([
    ['2026-11-30', '2027-05-31', 'ends in 6 months'],
    ['2026-11-30', '2026-12-01', 'ends in 1 day'],
    ['2026-11-30', '2026-12-29', 'ends in 29 days'],
    ['2026-11-30', '2028-06-30', 'ends in 19 months'],
    ['2026-11-30', '2026-11-30', 'ends today'],
    ['2026-11-30', '2026-07-11', 'ended 4 months ago'],
    ['2026-11-30', '2026-11-01', 'ended 29 days ago'],
    ['2026-01-31', '2026-02-28', 'ends in 28 days'],
  ])('from %s to %s: %s', (now, date, phrase) => {
    expect(endsInPhrase(d(now), d(date))).toBe(phrase);
  });
});

describe('lifecycle components in MDX sources', () => {
  const source = [
    '---',
    'title: x',
    '---',
    'Support ends on <SupportEnd distro="debian" release="12" />.',
    'In code: `<SupportEnd distro="nope" release="1" />` is only an example.',
    '```mdx',
    '<EolDate distro="nope" release="1" />',
    '```',
    '<EndsIn distro=\'debian\' release=\'12\' field="supportEnd" /> and <ReleaseStatus distro="debian" release={12} />',
    '<TimelineEntry date="2026-04-30" title="Not from the database">x</TimelineEntry>',
    '<TimelineEntry distro="debian" release="13" field="eol" title="t">x</TimelineEntry>',
    '<EolDate distro="ubuntu" release="24.04" />',
  ].join('\n');
  it('finds each use with its line and attributes, ignoring code', () => {
    expect(componentUses(source).map((u) => [u.component, u.line, u.attrs, u.expressions])).toEqual([
      ['SupportEnd', 4, { distro: 'debian', release: '12' }, []],
      ['EndsIn', 9, { distro: 'debian', release: '12', field: 'supportEnd' }, []],
      ['ReleaseStatus', 9, { distro: 'debian' }, ['release']],
      ['TimelineEntry', 10, { date: '2026-04-30', title: 'Not from the database' }, []],
      ['TimelineEntry', 11, { distro: 'debian', release: '13', field: 'eol', title: 't' }, []],
      ['EolDate', 12, { distro: 'ubuntu', release: '24.04' }, []],
    ]);
  });
  it('reports unknown ids, missing dates and unquoted versions with file, line and fix', () => {
    expect(checkComponentUses('content/articles/x.mdx', source, db)).toEqual([
      'content/articles/x.mdx:9: <ReleaseStatus>: write release as a quoted string, e.g. release="12", not release={…}',
      'content/articles/x.mdx:11: <TimelineEntry>: Debian GNU/Linux 13 has no eol in content/distros/debian.yaml; state it in prose with its source, or add the date with its evidence',
      'content/articles/x.mdx:12: <EolDate>: unknown distribution "ubuntu": use one of debian',
    ]);
  });
  it('accepts every lifecycle component in the real articles', () => {
    const distros = readDistros('content/distros');
    const dir = 'content/articles';
    const problems = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) => checkComponentUses(`${dir}/${f}`, readFileSync(`${dir}/${f}`, 'utf8'), distros));
    expect(problems).toEqual([]);
  });
});

describe('dates for editors to review', () => {
  it('sets the cutoff six months back, clamping the day', () => {
    expect(reviewCutoff(d('2026-11-30'))).toBe('2026-05-30');
    expect(reviewCutoff(d('2026-08-31'))).toBe('2026-02-28');
  });
  it('lists dates never verified or verified before the cutoff, not the recent ones', () => {
    const items = datesToReview(db, d('2026-11-30'));
    expect(items.map((i) => [i.version, i.field, i.value, i.verified ?? 'never', i.reason])).toEqual([
      ['12', 'supportEnd', '2026-07-11', '2026-05-01', 'verified more than 6 months ago'],
      ['12', 'eol', '2028-06-30', 'never', 'never verified'],
    ]);
    expect(evidenceCounts(db, d('2026-11-30'))).toEqual({ dates: 5, verified: 3, toReview: 2 });
  });
  it('counts the same way for the real database', () => {
    const distros = readDistros('content/distros');
    const counts = evidenceCounts(distros, d('2026-11-30'));
    expect(counts.toReview).toBe(datesToReview(distros, d('2026-11-30')).length);
    expect(counts.dates).toBeGreaterThan(100);
  });
});
