/**
 * A Hugo content folder: Markdown (or HTML) files with YAML, TOML or JSON front matter; page bundles
 * (<slug>/index.md); section list pages (_index.md) are not posts. The old URL is `url:` if set, else the
 * site config's permalink pattern for the post's top-level section (`[permalinks]` or `[permalinks.page]`,
 * e.g. `posts = '/:year/:month/:slug/'`), else /<section>/<slug or file name>/ (Hugo's default); `aliases:` are
 * old URLs too. The site config beside the content folder (hugo.toml, config.toml, hugo.yaml…) gives the origin.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { SourceArchive, SourceIssue, SourcePost } from '../types.ts';
import { list, oldPaths, readPostFile, text, walkFiles } from './front-matter.ts';

const CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];

interface HugoConfig {
  file?: string;
  baseURL?: string;
  copyright?: string;
  /** Top-level section → permalink pattern of its pages. */
  permalinks: Record<string, string>;
}

/** The section → pattern map of a `permalinks` setting (legacy `[permalinks]` or map form `[permalinks.page]`). */
function permalinkPatterns(v: unknown, file: string, issues: SourceIssue[]): Record<string, string> {
  if (v == null) return {};
  const problem = (message: string) => issues.push({ file, kind: 'needs-human', class: 'permalink', message });
  if (Array.isArray(v)) {
    problem(
      'permalinks in the array form (page matchers) are not read: old URLs follow url:, else /<section>/<slug>/; check them against the old site',
    );
    return {};
  }
  if (typeof v !== 'object') return {};
  const table = v as Record<string, unknown>;
  const page = table.page && typeof table.page === 'object' ? (table.page as Record<string, unknown>) : undefined;
  const out: Record<string, string> = {};
  for (const [section, pattern] of Object.entries(page ?? table)) {
    if (['page', 'section', 'taxonomy', 'term'].includes(section)) continue;
    if (typeof pattern === 'string') out[section] = pattern;
  }
  return out;
}

function readConfig(siteDir: string, issues: SourceIssue[]): HugoConfig {
  for (const name of CONFIGS) {
    const file = join(siteDir, name);
    if (!existsSync(file)) continue;
    try {
      const raw = readFileSync(file, 'utf8');
      const c = (
        name.endsWith('.toml') ? parseToml(raw) : name.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw)
      ) as Record<string, unknown>;
      return {
        file: name,
        baseURL: text(c.baseURL ?? c.baseurl),
        copyright: text(c.copyright),
        permalinks: permalinkPatterns(c.permalinks, name, issues),
      };
    } catch (e) {
      issues.push({
        file: name,
        kind: 'needs-human',
        class: 'config',
        message: `unreadable ${name}: ${(e as Error).message.split('\n')[0]}`,
      });
    }
  }
  return { permalinks: {} };
}

/** English month and weekday names, as Hugo's :monthname and :weekdayname give them (before lower-casing). */
const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const weekdayName = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });

/** The permalink tokens the importer expands (Hugo's list: gohugo.io/configuration/permalinks/#tokens). */
export const HUGO_PERMALINK_TOKENS = [
  'year',
  'month',
  'monthname',
  'day',
  'weekday',
  'weekdayname',
  'yearday',
  'section',
  'sections',
  'title',
  'slug',
  'filename',
  'slugorfilename',
  'contentbasename',
  'slugorcontentbasename',
] as const;

/** Hugo's path sanitising of a value: spaces to hyphens, only letters, digits and ._~+#- kept, lower-case. */
export function hugoPathSegment(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}._~+#-]/gu, '')
    .toLowerCase();
}

/**
 * Expands a Hugo permalink pattern for one page as Hugo publishes it (paths lower-cased, Hugo's default). Returns the
 * path, or the tokens it does not support (Go time layouts such as :06, :sectionslug, slices of :sections).
 */
export function expandHugoPermalink(
  pattern: string,
  p: { date?: string; title?: string; slug?: string; baseName: string; sections: string[] },
): { path: string } | { unsupported: string[] } {
  const tokens = [...pattern.matchAll(/:([a-z0-9]+(?:\[[^\]]*\])?)/gi)].map((m) => m[1]!);
  const unsupported = tokens.filter((t) => !(HUGO_PERMALINK_TOKENS as readonly string[]).includes(t));
  if (unsupported.length) return { unsupported: unsupported.map((t) => `:${t}`) };
  const m = p.date?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const needsDate = tokens.some((t) => /^(year|month|monthname|day|weekday|weekdayname|yearday)$/.test(t));
  if (needsDate && !m) return { unsupported: ['a date (the post has none)'] };
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const yearday = Math.round((date.getTime() - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  const title = hugoPathSegment(p.title ?? p.baseName);
  const slug = p.slug ? hugoPathSegment(p.slug) : title;
  const base = hugoPathSegment(p.baseName);
  const values: Record<(typeof HUGO_PERMALINK_TOKENS)[number], string> = {
    year: String(y).padStart(4, '0'),
    month: String(mo).padStart(2, '0'),
    monthname: m ? monthName.format(date) : '',
    day: String(d).padStart(2, '0'),
    weekday: String(date.getUTCDay()),
    weekdayname: m ? weekdayName.format(date) : '',
    yearday: String(yearday),
    section: p.sections[0] ?? '',
    sections: p.sections.join('/'),
    title,
    slug,
    filename: base,
    contentbasename: base,
    slugorfilename: p.slug ? slug : base,
    slugorcontentbasename: p.slug ? slug : base,
  };
  const path = pattern
    .replace(/:([a-z]+)/gi, (_, t: string) => values[t as keyof typeof values])
    .toLowerCase()
    .replace(/\/{2,}/g, '/');
  return { path: path.startsWith('/') ? path : `/${path}` };
}

/** Hugo's URL-ish slug of a file name: spaces to hyphens, lower-case (Hugo keeps other characters). */
export function hugoSlug(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, '-');
}

export function readHugo(contentDir: string): SourceArchive {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory())
    throw new Error(`${contentDir}: not a folder (give Hugo's content/ folder)`);
  const issues: SourceIssue[] = [];
  const config = readConfig(dirname(contentDir), issues);
  const posts: SourcePost[] = [];
  /** Section + unsupported tokens → the files whose old URL fell back to Hugo's default. */
  const unsupported = new Map<string, string[]>();
  for (const f of walkFiles(contentDir)) {
    const rel = relative(contentDir, f);
    const ext = extname(f).toLowerCase();
    if (!['.md', '.markdown', '.html'].includes(ext)) continue; // bundle resources (images) come with their page
    if (basename(f).startsWith('_index.')) {
      issues.push({
        file: rel,
        kind: 'skipped',
        class: 'list-page',
        message: 'section list page (_index), not a post',
      });
      continue;
    }
    const fm = readPostFile(f, rel, issues);
    if (!fm) continue;
    const d = fm.data;
    const parts = rel.split(sep);
    const bundle = basename(f, ext) === 'index';
    const fileName = (bundle ? parts.at(-2) : basename(f, ext))?.normalize('NFC') ?? '';
    const sectionParts = parts.slice(0, bundle ? -2 : -1);
    const slug = text(d.slug) ?? fileName;
    const url = text(d.url);
    let path = url ? (url.startsWith('/') ? url : `/${url}`) : `/${[...sectionParts, hugoSlug(slug)].join('/')}/`;
    const pattern = sectionParts[0] !== undefined ? config.permalinks[sectionParts[0]] : undefined;
    if (!url && pattern) {
      const expanded = expandHugoPermalink(pattern, {
        date: text(d.date) ?? text(d.publishDate) ?? text(d.pubDate),
        title: text(d.title),
        slug: text(d.slug),
        baseName: fileName,
        sections: sectionParts.map((s) => s.normalize('NFC')),
      });
      if ('path' in expanded) path = expanded.path;
      else {
        const key = `${sectionParts[0]}\0${expanded.unsupported.join(', ')}`;
        unsupported.set(key, [...(unsupported.get(key) ?? []), rel]);
      }
    }
    const draft = d.draft === true || d.draft === 'true';
    const expired = text(d.expiryDate);
    posts.push({
      file: rel,
      title: text(d.title),
      date: text(d.date) ?? text(d.publishDate) ?? text(d.pubDate),
      updated: text(d.lastmod),
      draft,
      draftReason: draft ? 'draft: true' : undefined,
      slug,
      path,
      aliases: oldPaths(d.aliases),
      authors: list(d.authors ?? d.author),
      categories: list(d.categories),
      tags: list(d.tags),
      excerpt: text(d.description) ?? text(d.summary),
      licence: text(d.license) ?? text(d.licence) ?? config.copyright,
      body: fm.body,
      format: ext === '.html' ? 'html' : 'markdown',
    });
    if (expired)
      issues.push({
        file: rel,
        kind: 'needs-human',
        class: 'expiry',
        message: `expiryDate ${expired}: Downstream has no expiry; decide whether to keep it`,
      });
  }
  for (const [key, files] of unsupported) {
    const [section, tokens] = key.split('\0') as [string, string];
    issues.push({
      file: config.file ?? 'hugo config',
      kind: 'needs-human',
      class: 'permalink',
      message: `permalink pattern "${config.permalinks[section]}" of section ${section} needs ${tokens}, which the importer does not expand: the old URLs of ${files.length} post(s) (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}) were recorded as /${section}/<slug>/; add the real ones as aliases or check them`,
    });
  }
  const base = config.baseURL && /^https?:\/\//.test(config.baseURL) ? new URL(config.baseURL) : undefined;
  return {
    kind: 'hugo',
    origin: base?.origin,
    basePath: base && base.pathname !== '/' ? base.pathname.replace(/\/+$/, '') : undefined,
    posts,
    issues,
  };
}
