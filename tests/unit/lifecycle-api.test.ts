/**
 * The JSON API contract: documents built from distribution data validate against the JSON Schema the build serves
 * (checked with ajv, an independent validator, not with the zod schemas they were generated from), and the fields
 * say what a reader of endoflife.date expects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { distroSchema } from '../../src/schemas/distro.ts';
import { idRef, idsInFolder } from '../../src/schemas/refs.ts';
import { apiFiles, apiRelease, type ApiDistroInput } from '../../src/lib/lifecycle-api.ts';
import { distro, NOW } from './helpers.ts';

const SITE = new URL('https://downstream.example');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

function validator(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const fixture = (id: string, data: Record<string, unknown>): ApiDistroInput => ({
  id,
  data: distro.parse({
    family: 'debian',
    description: 'A test distribution.',
    sponsor: 'Test',
    releaseModel: 'fixed',
    website: 'https://example.org/',
    sources: [{ title: 'Releases', url: 'https://example.org/releases', publisher: 'Example' }],
    ...data,
  }),
});

const debian = fixture('debian', {
  name: 'Debian GNU/Linux',
  releases: [
    {
      version: '12',
      codename: 'bookworm',
      released: '2023-06-10',
      supportEnd: '2026-06-10',
      eol: '2028-06-30',
      latest: '12.12',
      latestDate: '2025-09-06',
      evidence: {
        released: { url: 'https://www.debian.org/News/2023/20230610' },
        supportEnd: { url: 'https://www.debian.org/releases/bookworm/', verified: '2026-11-01' },
        eol: { url: 'https://wiki.debian.org/LTS', verified: '2026-11-02', note: 'LTS end' },
        latest: { url: 'https://www.debian.org/News/2025/20250906', verified: '2026-11-03' },
      },
    },
    {
      version: '10',
      codename: 'buster',
      released: '2019-07-06',
      eol: '2024-06-30',
      evidence: {
        released: { url: 'https://www.debian.org/News/2019/20190706' },
        eol: { url: 'https://www.debian.org/News/2024/20240615', verified: '2026-11-01' },
      },
    },
    {
      version: '14',
      released: '2027-06-01',
      evidence: {
        released: { url: 'https://www.debian.org/releases/forky/' },
        eol: { url: 'https://www.debian.org/releases/forky/', note: 'Not announced before the release.' },
      },
    },
  ],
});
const arch = fixture('arch', { name: 'Arch Linux', family: 'arch', releaseModel: 'rolling' });

describe('API release documents', () => {
  it('use endoflife.date field names, with false for a date the project has not published', () => {
    const [twelve, ten] = [debian.data.releases[0]!, debian.data.releases[1]!];
    expect(apiRelease(debian, twelve, NOW, SITE)).toEqual({
      cycle: '12',
      codename: 'bookworm',
      label: 'Debian GNU/Linux 12 (bookworm)',
      releaseDate: '2023-06-10',
      support: '2026-06-10',
      eol: '2028-06-30',
      lts: false,
      latest: '12.12',
      latestReleaseDate: '2025-09-06',
      link: 'https://downstream.example/distros/debian/#release-12',
      status: 'security',
      sources: {
        releaseDate: { url: 'https://www.debian.org/News/2023/20230610' },
        support: { url: 'https://www.debian.org/releases/bookworm/', verified: '2026-11-01' },
        eol: { url: 'https://wiki.debian.org/LTS', verified: '2026-11-02', note: 'LTS end' },
        latest: { url: 'https://www.debian.org/News/2025/20250906', verified: '2026-11-03' },
      },
    });
    // Only an end of life: full support is taken to run until it, as on the hub table; nothing else is invented.
    const r = apiRelease(debian, ten, NOW, SITE);
    expect([r.support, r.eol, r.latest, r.latestReleaseDate, r.status]).toEqual([
      '2024-06-30',
      '2024-06-30',
      null,
      null,
      'eol',
    ]);
    // Both dates are sourced by the page that states the end of life.
    expect(r.sources.support).toEqual(r.sources.eol);
    const noEnd = apiRelease(debian, debian.data.releases[2]!, NOW, SITE);
    expect([noEnd.support, noEnd.eol, noEnd.status]).toEqual([false, false, 'upcoming']);
    // A date left out keeps the note that says why.
    expect(noEnd.sources.eol?.note).toBe('Not announced before the release.');
  });

  it('computes status against the build clock it is given', () => {
    const twelve = debian.data.releases[0]!;
    expect(apiRelease(debian, twelve, d('2026-06-09'), SITE).status).toBe('supported');
    expect(apiRelease(debian, twelve, d('2026-06-10'), SITE).status).toBe('security');
    expect(apiRelease(debian, twelve, d('2028-06-30'), SITE).status).toBe('eol');
  });
});

describe('API files', () => {
  const files = apiFiles([debian, arch], NOW, SITE);
  const byPath = new Map(files.map((f) => [f.path, f.body]));
  const schema = byPath.get('/api/v1/schema.json') as { $id: string };
  const validate = validator(schema);

  it('are an index, a document and a cycles array per distribution, and the schema', () => {
    expect([...byPath.keys()]).toEqual([
      '/api/v1/schema.json',
      '/api/v1/distributions.json',
      '/api/v1/distributions/arch.json',
      '/api/v1/distributions/arch/cycles.json',
      '/api/v1/distributions/debian.json',
      '/api/v1/distributions/debian/cycles.json',
    ]);
    expect(schema.$id).toBe('https://downstream.example/api/v1/schema.json');
  });

  it('every document validates against the served JSON Schema', () => {
    for (const f of files.filter((f) => f.path !== '/api/v1/schema.json')) {
      expect(validate(f.body), `${f.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the schema rejects what breaks the contract', () => {
    const doc = structuredClone(byPath.get('/api/v1/distributions/debian.json')) as {
      releases: Record<string, unknown>[];
    };
    expect(validate(doc)).toBe(true);
    doc.releases[0]!.eol = '30 June 2028';
    expect(validate(doc)).toBe(false);
    doc.releases[0]!.eol = true;
    expect(validate(doc)).toBe(false);
    delete doc.releases[0]!.eol;
    expect(validate(doc)).toBe(false);
    expect(validate([{ cycle: '12' }])).toBe(false);
  });

  it('lists releases newest first and cycles.json is the same array endoflife.date tools read', () => {
    const doc = byPath.get('/api/v1/distributions/debian.json') as { releases: { cycle: string }[] };
    expect(doc.releases.map((r) => r.cycle)).toEqual(['14', '12', '10']);
    expect(byPath.get('/api/v1/distributions/debian/cycles.json')).toEqual(doc.releases);
    const index = byPath.get('/api/v1/distributions.json') as { generated: string; distributions: { id: string }[] };
    expect(index.generated).toBe('2026-11-25');
    expect(index.distributions.map((x) => x.id)).toEqual(['arch', 'debian']);
  });
});

describe('API over the real database', () => {
  const CONTENT = join(import.meta.dirname, '../../content/distros');
  const ids = idsInFolder(CONTENT, '.yaml');
  const real = distroSchema(idRef('distribution', ids, 'content/distros/'));
  const distros = readdirSync(CONTENT)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({
      id: f.replace(/\.yaml$/, ''),
      data: real.parse(parseYaml(readFileSync(join(CONTENT, f), 'utf8'))),
    }));

  it('every file of every distribution validates against the schema', () => {
    const files = apiFiles(distros, NOW, SITE);
    const validate = validator(files[0]!.body as object);
    expect(files.length).toBe(2 + 2 * distros.length);
    for (const f of files.slice(1))
      expect(validate(f.body), `${f.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
});
