/**
 * Follows the README's "Adding an article" on a copy of the content tree: scaffold with `npm run new`, fill in what
 * the scaffold leaves empty, and check the result against the real article schema at each step.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { idRef, idsInFolder, idsInYamlList } from '../../src/schemas/refs.ts';
import { scaffold, slugify } from '../../scripts/new-article.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const tree = mkdtempSync(join(tmpdir(), 'ds-new-'));
for (const part of ['distros', 'authors', 'topics.yaml', 'series.yaml'])
  cpSync(join(CONTENT, part), join(tree, part), { recursive: true });
mkdirSync(join(tree, 'articles'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const env = { CONTENT_DIR: tree };
const today = new Date('2026-11-30T09:00:00Z');
const schema = articleSchema(
  {
    authors: idRef('desk', idsInFolder(`${tree}/authors`, '.yaml'), 'content/authors/'),
    distros: idRef('distribution', idsInFolder(`${tree}/distros`, '.yaml'), 'content/distros/'),
    topics: idRef('topic', idsInYamlList(`${tree}/topics.yaml`), 'content/topics.yaml'),
    series: idRef('series', idsInYamlList(`${tree}/series.yaml`), 'content/series.yaml'),
  },
  z.string(),
  { now: today },
);
const problems = (source: string) => {
  const result = schema.safeParse(parseFrontmatter(source).frontmatter);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('npm run new', () => {
  it('turns a title into a URL slug', () => {
    expect(slugify('Debian 13 “Trixie” released!')).toBe('debian-13-trixie-released');
    expect(slugify('Ubuntu 24.04.1: what’s new')).toBe('ubuntu-24-04-1-what-s-new');
    expect(slugify('Señor Café')).toBe('senor-cafe');
  });

  it('follows the README: scaffold, fill in the dek and sources, publish', () => {
    // Step 1: scaffold.
    const file = scaffold(
      [
        '--title',
        'Debian 13 “Trixie” released',
        '--type',
        'news',
        '--distros',
        'debian,ubuntu',
        '--topics',
        'releases',
      ],
      env,
      today,
    );
    expect(file).toBe(join(tree, 'articles', 'debian-13-trixie-released.md'));
    const scaffolded = readFileSync(file, 'utf8');
    const { frontmatter } = parseFrontmatter(scaffolded);
    expect(frontmatter).toMatchObject({
      title: 'Debian 13 “Trixie” released',
      pubDate: new Date('2026-11-30T00:00:00Z'),
      authors: ['news-desk'],
      distros: ['debian', 'ubuntu'],
      topics: ['releases'],
      type: 'news',
      sources: [],
      draft: true,
    });
    // The build refuses it until the editor writes the dek and the sources, and says so.
    expect(problems(scaffolded)).toEqual([
      'description: a dek (one or two sentences) must not be empty',
      'description: dek is shorter than 50 characters: write one or two full sentences',
      'sources: list at least one source: every fact must be traceable to one',
    ]);

    // Step 2: fill in the front matter the scaffold leaves empty; remove draft to publish.
    const filled = {
      ...frontmatter,
      description:
        'Debian 13 is out with five years of support, a new installer and support for RISC-V as an official architecture.',
      sources: [{ title: 'Debian 13 released', url: 'https://www.debian.org/News/2025/20250809', publisher: 'Debian' }],
    };
    delete (filled as Record<string, unknown>).draft;
    writeFileSync(file, `---\n${toYaml(filled)}---\n\nBody.\n`);
    expect(problems(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('refuses unknown ids and types, naming what exists, and writes nothing', () => {
    expect(() =>
      scaffold(
        ['--title', 'Something new', '--type', 'blog', '--distros', 'debain', '--topics', 'releases,nope'],
        env,
        today,
      ),
    ).toThrow(/unknown type "blog".*\n.*unknown distribution "debain": use one of .*debian.*\n.*unknown topic "nope"/);
    expect(() => scaffold(['--title', 'Something new', '--topics', 'releases'], env, today)).toThrow(
      'name at least one distribution',
    );
    expect(() =>
      scaffold(['--title', 'X', '--distros', 'debian', '--topics', 'releases', '--desk', 'me'], env, today),
    ).toThrow('unknown desk "me"');
    expect(parseYaml(readFileSync(join(tree, 'topics.yaml'), 'utf8'))).toBeTruthy();
  });

  it('refuses to overwrite an existing article', () => {
    const args = ['--title', 'Twice', '--distros', 'debian', '--topics', 'releases'];
    scaffold(args, env, today);
    expect(() => scaffold(args, env, today)).toThrow('twice.md already exists');
  });
});
