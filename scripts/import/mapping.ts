/**
 * The editable mapping from the old archive's vocabulary to Downstream's: authors → desks, categories and tags →
 * distributions, topics and an article type. The importer writes it with a suggestion for every name it saw (an
 * id whose name matches) and `null` where it found none; the editor fixes it and imports again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Document, isMap, parse as parseYaml, type Scalar, type YAMLMap } from 'yaml';
import { ARTICLE_TYPES, type ArticleType } from '../../src/schemas/article.ts';

export interface Target {
  distros?: string[];
  topics?: string[];
  type?: ArticleType;
}

export interface Mapping {
  /** Source author (display name or login) → desk id; null = unmapped. */
  authors: Record<string, string | null>;
  categories: Record<string, Target | null>;
  tags: Record<string, Target | null>;
  /** Article type for posts no category or tag types. */
  defaultType: ArticleType;
}

export interface Vocabulary {
  desks: Map<string, string>;
  distros: Map<string, string>;
  topics: Map<string, string>;
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** An id whose id or name matches the label (ignoring case, accents and punctuation). */
function match(label: string, ids: Map<string, string>): string | undefined {
  const n = norm(label);
  if (!n) return undefined;
  for (const [id, name] of ids) if (norm(id) === n || norm(name) === n) return id;
  return undefined;
}

export function suggestTarget(label: string, vocab: Vocabulary): Target | null {
  const distro = match(label, vocab.distros);
  const topic = match(label, vocab.topics);
  const type = ARTICLE_TYPES.find((t) => norm(t) === norm(label) || `${norm(t)}s` === norm(label));
  if (!distro && !topic && !type) return null;
  return { ...(distro ? { distros: [distro] } : {}), ...(topic ? { topics: [topic] } : {}), ...(type ? { type } : {}) };
}

export function suggestDesk(name: string, vocab: Vocabulary): string | null {
  return match(name, vocab.desks) ?? null;
}

export function readMapping(file: string): Mapping {
  const empty: Mapping = { authors: {}, categories: {}, tags: {}, defaultType: 'news' };
  if (!existsSync(file)) return empty;
  const data = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Partial<Mapping> & Record<string, unknown>;
  const type = (data.defaultType ?? 'news') as ArticleType;
  if (!ARTICLE_TYPES.includes(type)) throw new Error(`${file}: defaultType must be one of ${ARTICLE_TYPES.join(', ')}`);
  return {
    authors: data.authors ?? {},
    categories: data.categories ?? {},
    tags: data.tags ?? {},
    defaultType: type,
  };
}

/**
 * The mapping file with every name seen: existing choices kept, names new this run added with their suggestion
 * (or null when nothing matched), each marked with a comment so the editor knows what to review.
 */
export function mappingDocument(
  mapping: Mapping,
  seen: { authors: Set<string>; categories: Set<string>; tags: Set<string> },
  suggested: { kind: 'author' | 'category' | 'tag'; name: string }[],
  fallbackDesk: string,
): string {
  const doc = new Document({ defaultType: mapping.defaultType, authors: {}, categories: {}, tags: {} });
  doc.commentBefore =
    ' Import mapping: edit, then run `npm run import` again.\n' +
    ' authors: old author → desk id (content/authors/). Unmapped (null) authors are signed by the archive desk\n' +
    ` (${fallbackDesk}); the original name is always credited on the page.\n` +
    ' categories/tags: old name → { distros: [...], topics: [...], type: news|analysis|guide|opinion } or null to ignore.';
  const kinds = { authors: 'author', categories: 'category', tags: 'tag' } as const;
  for (const key of ['authors', 'categories', 'tags'] as const) {
    const map = doc.get(key) as YAMLMap;
    if (!isMap(map)) throw new Error('mapping section is not a map');
    const names = [...new Set([...Object.keys(mapping[key]), ...seen[key]])].sort((a, b) => a.localeCompare(b, 'en'));
    for (const name of names) {
      const value = mapping[key][name] ?? null;
      const pair = doc.createPair(name, value);
      const wasSuggested = suggested.some((s) => s.kind === kinds[key] && s.name === name);
      if (wasSuggested) (pair.key as Scalar).commentBefore = ' as suggested: review';
      else if (value === null) (pair.key as Scalar).commentBefore = ' unmapped';
      map.add(pair);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
