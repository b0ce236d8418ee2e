/**
 * npm run new -- --title "Debian 13 released" --type news --distros debian --topics releases [--desk news-desk]
 *
 * Scaffolds content/articles/<slug>.md: the title turned into a URL slug, the type, distributions, topics and desk
 * checked against the ids that exist, today's date, and an empty sources list for the editor to fill in (the build
 * refuses an article without sources). Refuses unknown ids and an existing file, naming the fix.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTICLE_TYPES } from '../src/schemas/article.ts';
import { idsInFolder, idsInYamlList, refFiles } from '../src/schemas/refs.ts';
import { contentDir } from '../src/site.config.ts';

/** "Debian 13 “Trixie” released!" → "debian-13-trixie-released" */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function check(what: string, given: string[], known: string[], where: string): string[] {
  if (given.length === 0) return [`name at least one ${what} (--${what === 'desk' ? 'desk' : `${what}s`})`];
  return given
    .filter((id) => !known.includes(id))
    .map((id) => `unknown ${what} "${id}": use one of ${[...known].sort().join(', ')} (or add it to ${where})`);
}

export function scaffold(argv: string[], env: Record<string, string | undefined>, today: Date): string {
  const { values } = parseArgs({
    args: argv,
    options: {
      title: { type: 'string' },
      type: { type: 'string', default: 'news' },
      distros: { type: 'string' },
      topics: { type: 'string' },
      desk: { type: 'string', default: 'news-desk' },
      slug: { type: 'string' },
    },
    strict: true,
  });
  const content = contentDir(env);
  const files = refFiles(content);
  const title = values.title?.trim() ?? '';
  const distros = list(values.distros);
  const topics = list(values.topics);
  const desks = list(values.desk);
  const problems = [
    ...(title ? [] : ['give a headline: --title "…"']),
    ...((ARTICLE_TYPES as readonly string[]).includes(values.type)
      ? []
      : [`unknown type "${values.type}": use one of ${ARTICLE_TYPES.join(', ')}`]),
    ...check('distribution', distros, idsInFolder(`${content}/distros`, '.yaml'), files.distros),
    ...check('topic', topics, idsInYamlList(`${content}/topics.yaml`), files.topics),
    ...check('desk', desks, idsInFolder(`${content}/authors`, '.yaml'), files.authors),
  ];
  const slug = values.slug ?? slugify(title);
  const file = join(content, 'articles', `${slug}.md`);
  if (title && !slug) problems.push('the title has no letters or digits for a URL: give one with --slug');
  if (slug && existsSync(file)) problems.push(`${file} already exists: choose another title or --slug`);
  if (problems.length > 0) throw new Error(`npm run new: nothing written.\n  ${problems.join('\n  ')}`);

  const yamlList = (ids: string[]) => `[${ids.join(', ')}]`;
  writeFileSync(
    file,
    [
      '---',
      `title: ${JSON.stringify(title)}`,
      '# The dek: one or two sentences (50 to 300 characters) saying what happened and why it matters.',
      'description: ""',
      `pubDate: ${today.toISOString().slice(0, 10)}`,
      `authors: ${yamlList(desks)}`,
      `distros: ${yamlList(distros)}`,
      `topics: ${yamlList(topics)}`,
      `type: ${values.type}`,
      '# Every fact in the article comes from one of these: title, url, publisher and (optional) date of each.',
      'sources: []',
      'draft: true',
      '---',
      '',
      'Write the article here. Remove `draft: true` when it is ready to publish.',
      '',
    ].join('\n'),
  );
  return file;
}

if (import.meta.main) {
  try {
    const file = scaffold(process.argv.slice(2), process.env, new Date());
    console.log(`Wrote ${file}: fill in the description and the sources, then run npm run dev to preview it.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
