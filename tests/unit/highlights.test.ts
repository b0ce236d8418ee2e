import { describe, expect, it } from 'vitest';
import { latestReleases, upcomingDeadlines, type DistroReleases } from '../../src/lib/highlights.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const NOW = d('2026-11-30');
const DISTROS: DistroReleases[] = [
  {
    id: 'debian',
    name: 'Debian',
    releases: [
      {
        version: '13',
        released: d('2025-08-09'),
        supportEnd: d('2028-08-09'),
        eol: d('2030-06-30'),
        latest: '13.2',
        latestDate: d('2026-11-15'),
      },
      { version: '12', released: d('2023-06-10'), supportEnd: d('2026-06-10'), eol: d('2027-06-30') },
      { version: '11', released: d('2021-08-14'), supportEnd: d('2024-08-14'), eol: d('2026-08-31') },
    ],
  },
  {
    id: 'fedora',
    name: 'Fedora',
    releases: [
      { version: '45', released: d('2027-04-20') },
      { version: '44', released: d('2026-10-27'), eol: d('2027-11-20') },
      { version: '43', released: d('2026-04-21'), supportEnd: d('2027-05-12'), eol: d('2027-05-12') },
    ],
  },
];

describe('upcomingDeadlines', () => {
  it('lists the deadlines after the build date within the window, soonest first', () => {
    const got = upcomingDeadlines(DISTROS, NOW, 365).map(
      (x) => `${x.name} ${x.version} ${x.kind} ${x.date.toISOString().slice(0, 10)}`,
    );
    expect(got).toEqual(['Fedora 43 eol 2027-05-12', 'Debian 12 eol 2027-06-30', 'Fedora 44 eol 2027-11-20']);
  });
  it('counts a release whose full and final support end together once, as end of life', () => {
    const got = upcomingDeadlines(DISTROS, NOW, 3650, 20).filter((x) => x.distro === 'fedora' && x.version === '43');
    expect(got.map((x) => x.kind)).toEqual(['eol']);
  });
  it('leaves out past deadlines and honours the limit', () => {
    expect(upcomingDeadlines(DISTROS, NOW, 3650, 20).every((x) => x.date > NOW)).toBe(true);
    expect(upcomingDeadlines(DISTROS, NOW, 3650, 2)).toHaveLength(2);
  });
});

describe('latestReleases', () => {
  it('lists published releases and point releases newest first, never a future one', () => {
    const got = latestReleases(DISTROS, NOW, 4).map((x) => `${x.name} ${x.version}${x.point ? ' (point)' : ''}`);
    expect(got).toEqual(['Debian 13.2 (point)', 'Fedora 44', 'Fedora 43', 'Debian 13']);
  });
  it('names the cycle of a point release, whose row in the lifecycle table it links to', () => {
    const point = latestReleases(DISTROS, NOW, 4).find((x) => x.point)!;
    expect([point.version, point.cycle]).toEqual(['13.2', '13']);
  });
});
