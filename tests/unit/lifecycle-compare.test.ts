import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareLifecycles,
  formatDifferences,
  parseEolProduct,
  type EolProduct,
} from '../../src/lib/lifecycle-compare.ts';
import { readDistros, type DistroFile } from '../../src/lib/distro-files.ts';

const FIXTURES = 'tests/fixtures/endoflife-date/products';
const fixture = (name: string) => parseEolProduct(readFileSync(join(FIXTURES, `${name}.md`), 'utf8'), `${name}.md`);
const allFixtures = () =>
  new Map(readdirSync(FIXTURES).map((f) => [f.replace(/\.md$/, ''), fixture(f.replace(/\.md$/, ''))]));

const product = (cycles: EolProduct['cycles']): Map<string, EolProduct> =>
  new Map([['debian', { name: 'Debian', cycles }]]);
const debian = (releases: DistroFile['releases'], unlisted: DistroFile['unlisted'] = []): DistroFile[] => [
  { id: 'debian', name: 'Debian GNU/Linux', file: 'content/distros/debian.yaml', releases, unlisted },
];
const ev = (note?: string) => ({ url: 'https://www.debian.org/releases/', ...(note ? { note } : {}) });

describe("parsing endoflife.date's product files", () => {
  it('reads cycles, dates and latest point releases of a real file', () => {
    const p = fixture('debian');
    expect(p.name).toBe('Debian');
    expect(p.cycles[1]).toEqual({
      cycle: '12',
      releaseDate: '2023-06-10',
      eol: '2026-07-11',
      eoes: '2028-06-30',
      latest: '12.15',
      latestReleaseDate: '2026-07-11',
    });
  });
  it('keeps true/false for "no date" and numbers as version strings', () => {
    const mint = fixture('linuxmint').cycles.find((c) => c.cycle === 'lmde7');
    expect(mint?.eol).toBe(false);
    expect(fixture('sles').cycles[0]?.cycle).toBe('16.0');
  });
  it('names the file when the format is wrong', () => {
    expect(() => parseEolProduct('# no front matter', 'x.md')).toThrow('x.md: no YAML front matter');
    expect(() => parseEolProduct('---\ntitle: X\n---\n', 'y.md')).toThrow('y.md: front matter has no releases list');
  });
});

describe('comparing the database with endoflife.date', () => {
  it('reports a release missing on either side, explained only by unlisted or an endoflife.date note', () => {
    const diffs = compareLifecycles(
      debian(
        [
          { version: '14', released: '2027-06-01', evidence: { released: ev() } },
          { version: '13', released: '2025-08-09', evidence: { released: ev('Not on endoflife.date yet.') } },
        ],
        [{ versions: ['9'], note: 'Ended before 2024.' }],
      ),
      product([
        { cycle: '13', releaseDate: '2025-08-09' },
        { cycle: '9', releaseDate: '2017-06-17' },
        { cycle: '8', releaseDate: '2015-04-25' },
      ]),
    );
    expect(diffs.map((d) => [d.version, d.kind, d.explanation])).toEqual([
      ['9', 'release missing here', 'Ended before 2024.'],
      ['8', 'release missing here', undefined],
      ['14', 'release missing on endoflife.date', undefined],
    ]);
  });
  it('tells a differing date from a day-of-month convention, through the product field mapping', () => {
    // Debian: our supportEnd is endoflife.date's eol, our eol is its eoes.
    const diffs = compareLifecycles(
      debian([
        {
          version: '12',
          released: '2023-06-10',
          supportEnd: '2026-07-11',
          eol: '2028-06-30',
          evidence: { released: ev(), supportEnd: ev(), eol: ev('Debian gives a month only.') },
        },
      ]),
      product([{ cycle: '12', releaseDate: '2023-06-10', eol: '2026-06-10', eoes: '2028-06-10' }]),
    );
    expect(diffs).toEqual([
      {
        distro: 'debian',
        version: '12',
        field: 'supportEnd',
        kind: 'date differs',
        ours: '2026-07-11',
        theirs: 'eol: 2026-06-10',
        explanation: undefined,
      },
      {
        distro: 'debian',
        version: '12',
        field: 'eol',
        kind: 'day of month only',
        ours: '2028-06-30',
        theirs: 'eoes: 2028-06-10',
        explanation: 'Debian gives a month only.',
      },
    ]);
  });
  it('reports dates and latest point releases present on one side only', () => {
    const diffs = compareLifecycles(
      debian([
        {
          version: '13',
          released: '2025-08-09',
          eol: '2030-06-30',
          latest: '13.6',
          evidence: { released: ev(), eol: ev(), latest: ev() },
        },
      ]),
      product([
        {
          cycle: '13',
          releaseDate: '2025-08-09',
          eol: '2028-08-09',
          eoes: false,
          latest: '13.6',
          latestReleaseDate: '2026-07-11',
        },
      ]),
    );
    expect(diffs.map((d) => `${d.field} ${d.kind}`)).toEqual([
      'supportEnd date missing here',
      'eol date missing on endoflife.date',
    ]);
    // A latest without a day matches on the version; with a day it is compared in full.
    const withDay = compareLifecycles(
      debian([
        {
          version: '13',
          released: '2025-08-09',
          latest: '13.6',
          latestDate: '2026-07-11',
          evidence: { released: ev(), latest: ev('endoflife.date had not seen 13.6 yet.') },
        },
      ]),
      product([{ cycle: '13', releaseDate: '2025-08-09', latest: '13.5', latestReleaseDate: '2026-05-16' }]),
    );
    expect(withDay).toEqual([
      {
        distro: 'debian',
        version: '13',
        field: 'latest',
        kind: 'latest differs',
        ours: '13.6 (2026-07-11)',
        theirs: '13.5 (2026-05-16)',
        explanation: 'endoflife.date had not seen 13.6 yet.',
      },
    ]);
  });
  it('reports a product file that is missing from the folder', () => {
    expect(compareLifecycles(debian([]), new Map())).toEqual([
      { distro: 'debian', kind: 'product file missing', theirs: 'debian.md' },
    ]);
  });
  it('prints every difference with its explanation and a summary', () => {
    const text = formatDifferences([
      { distro: 'debian', version: '8', kind: 'release missing here', theirs: '2015-04-25' },
      {
        distro: 'debian',
        version: '12',
        field: 'eol',
        kind: 'day of month only',
        ours: '2028-06-30',
        theirs: 'eoes: 2028-06-10',
        explanation: 'Month only.',
      },
    ]);
    expect(text.split('\n')).toEqual([
      'debian:',
      '  UNEXPLAINED 8: release missing here (endoflife.date 2015-04-25)',
      '  explained   12 eol: day of month only (here 2028-06-30, endoflife.date eoes: 2028-06-10)',
      '               why: Month only.',
      '2 difference(s), 1 explained, 1 unexplained',
    ]);
  });
});

describe('our database against the shared endoflife.date snapshot', () => {
  const diffs = compareLifecycles(readDistros('content/distros'), allFixtures());
  it('has no unexplained difference', () => {
    expect(
      diffs.filter((d) => !d.explanation).map((d) => `${d.distro} ${d.version ?? ''} ${d.field ?? ''} ${d.kind}`),
    ).toEqual([]);
  });
  it('still reports the differences it explains (Debian 12 matches, Ubuntu 24.04 ESM differs)', () => {
    expect(diffs.some((d) => d.distro === 'debian' && d.version === '12')).toBe(false);
    const noble = diffs.find((d) => d.distro === 'ubuntu' && d.version === '24.04' && d.field === 'eol');
    expect(noble).toMatchObject({ kind: 'date differs', ours: '2034-05-31', theirs: 'eoes: 2036-05-31' });
    expect(noble?.explanation).toMatch(/Legacy add-on/);
  });
});
