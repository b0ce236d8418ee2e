/** Writes synthetic content trees (articles + the real authors/distros/topics/series) to disk. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  serializeArticle,
  touchArticle,
  type ArchiveRefs,
  type DistroInfo,
  type GeneratedArticle,
} from './generator.ts';

const REF_FILES = ['authors', 'distros', 'topics.yaml', 'series.yaml'] as const;

/** Ids (and distro names, families, websites) of the reference collections of a content tree. */
export function readRefs(contentDir: string): ArchiveRefs {
  const yamlIds = (file: string) =>
    ((parseYaml(readFileSync(join(contentDir, file), 'utf8')) as { id: string }[] | null) ?? []).map((e) =>
      String(e.id),
    );
  const folder = (dir: string) =>
    readdirSync(join(contentDir, dir))
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
      .sort();
  const distros: DistroInfo[] = folder('distros').map((f) => {
    const d = parseYaml(readFileSync(join(contentDir, 'distros', f), 'utf8')) as Record<string, unknown>;
    return {
      id: f.slice(0, -5),
      name: String(d.name ?? f.slice(0, -5)),
      family: typeof d.family === 'string' ? d.family : undefined,
      website: typeof d.website === 'string' ? d.website : undefined,
    };
  });
  return {
    authors: folder('authors').map((f) => f.slice(0, -5)),
    distros,
    topics: yamlIds('topics.yaml'),
    series: yamlIds('series.yaml'),
  };
}

export const articlePath = (tree: string, a: GeneratedArticle) => join(tree, 'articles', `${a.slug}.${a.ext}`);

/** Creates `tree` from scratch: the reference collections copied from `sourceContent`, then the articles. */
export function writeTree(tree: string, sourceContent: string, articles: readonly GeneratedArticle[]): void {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(join(tree, 'articles'), { recursive: true });
  for (const f of REF_FILES) cpSync(join(sourceContent, f), join(tree, f), { recursive: true });
  for (const a of articles) writeFileSync(articlePath(tree, a), serializeArticle(a));
}

/** Changes one article's body on disk (for a warm build); returns a function that restores it. */
export function touchOnDisk(tree: string, a: GeneratedArticle, stamp: string): () => void {
  writeFileSync(articlePath(tree, a), serializeArticle(touchArticle(a, stamp)));
  return () => writeFileSync(articlePath(tree, a), serializeArticle(a));
}

/**
 * Publishes one new article into a tree (for the "one added" warm build): `a` (an article generated after the
 * archive's last one, so its title and slug are new) dated `pubDate`, the newest of the archive, without updates.
 * Returns a function that removes it again.
 */
export function addOnDisk(tree: string, a: GeneratedArticle, pubDate: string): () => void {
  const file = articlePath(tree, a);
  if (existsSync(file)) throw new Error(`${file} exists already: the added article must be new`);
  const { updatedDate: _updated, updates: _updates, ...frontMatter } = a.frontMatter;
  writeFileSync(file, serializeArticle({ ...a, frontMatter: { ...frontMatter, pubDate } }));
  return () => rmSync(file, { force: true });
}
