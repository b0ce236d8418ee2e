/**
 * A Jekyll site (or just its _posts folder): posts named YYYY-MM-DD-title.ext with YAML front matter, drafts in
 * _drafts, permalinks from the post or _config.yml (default /:categories/:year/:month/:day/:title.html).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SourceArchive, SourceIssue, SourcePost } from '../types.ts';
import { list, oldPaths, readPostFile, text, walkFiles } from './front-matter.ts';

const POST_EXT = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.html', '.htm']);
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

interface JekyllConfig {
  url?: string;
  baseurl?: string;
  permalink?: string;
  license?: string;
}

function readConfig(siteDir: string, issues: SourceIssue[]): JekyllConfig {
  const file = join(siteDir, '_config.yml');
  if (!existsSync(file)) return {};
  try {
    const c = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
    return {
      url: text(c.url),
      baseurl: text(c.baseurl),
      permalink: text(c.permalink),
      license: text(c.license) ?? text(c.licence),
    };
  } catch (e) {
    issues.push({
      file,
      kind: 'needs-human',
      class: 'config',
      message: `unreadable _config.yml: ${(e as Error).message.split('\n')[0]}`,
    });
    return {};
  }
}

/** Jekyll's slugify (default mode): lower-case, non-alphanumerics to hyphens. */
export function jekyllSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Expands a Jekyll permalink pattern for one post. */
export function expandPermalink(
  pattern: string,
  p: { date?: string; title: string; slug: string; categories: string[]; ext: string },
): string {
  const style = STYLES[pattern] ?? pattern;
  const [y = '', m = '', d = ''] = (p.date ?? '').slice(0, 10).split('-');
  const cats = p.categories.map((c) => jekyllSlug(c)).join('/');
  const out = style
    .replace(/:categories/g, cats)
    .replace(/:year/g, y)
    .replace(/:short_year/g, y.slice(2))
    .replace(/:month/g, m)
    .replace(/:i_month/g, String(Number(m)))
    .replace(/:day/g, d)
    .replace(/:i_day/g, String(Number(d)))
    .replace(/:title/g, p.slug)
    .replace(/:slug/g, p.slug)
    .replace(/:output_ext/g, p.ext)
    .replace(/\/{2,}/g, '/');
  return out.startsWith('/') ? out : `/${out}`;
}

export function readJekyll(input: string): SourceArchive {
  const issues: SourceIssue[] = [];
  const isPosts = basename(input) === '_posts';
  const siteDir = isPosts ? dirname(input) : input;
  const config = readConfig(siteDir, issues);
  const postsDir = isPosts ? input : join(siteDir, '_posts');
  if (!existsSync(postsDir))
    throw new Error(`${input}: no _posts folder found (give a Jekyll site or its _posts folder)`);
  const files = [
    ...walkFiles(postsDir).map((f) => ({ f, draft: false })),
    ...walkFiles(join(siteDir, '_drafts')).map((f) => ({ f, draft: true })),
  ];
  const posts: SourcePost[] = [];
  for (const { f, draft: inDrafts } of files) {
    const rel = relative(siteDir, f);
    const ext = extname(f).toLowerCase();
    if (!POST_EXT.has(ext)) {
      issues.push({
        file: rel,
        kind: 'skipped',
        class: 'not-a-post',
        message: `${ext || 'no extension'}: not a post file`,
      });
      continue;
    }
    const fm = readPostFile(f, rel, issues);
    if (!fm) continue;
    const data = fm.data;
    const name = basename(f, ext).normalize('NFC');
    const dated = name.match(/^(\d{4}-\d{2}-\d{2})-(.+)$/);
    const fileSlug = dated?.[2] ?? name;
    const date = text(data.date) ?? dated?.[1];
    const title = text(data.title);
    const categories = [...list(data.categories, true), ...list(data.category)];
    const slug = text(data.slug) ?? fileSlug;
    const published = data.published !== false;
    const outExt = ext === '.html' || ext === '.htm' ? '.html' : '.html';
    const permalink = text(data.permalink);
    const path = expandPermalink(permalink ?? config.permalink ?? 'date', {
      date,
      title: title ?? slug,
      slug: jekyllSlug(slug),
      categories,
      ext: outExt,
    });
    posts.push({
      file: rel,
      title,
      date,
      updated: text(data.last_modified_at) ?? text(data.updated),
      draft: inDrafts || !published,
      draftReason: inDrafts ? 'in _drafts' : !published ? 'published: false' : undefined,
      slug,
      path,
      aliases: oldPaths(data.redirect_from),
      authors: list(data.author ?? data.authors),
      categories,
      tags: list(data.tags, true),
      excerpt: text(data.description) ?? text(data.excerpt),
      licence: text(data.license) ?? text(data.licence) ?? config.license,
      body: fm.body,
      format: ext === '.html' || ext === '.htm' ? 'html' : 'markdown',
    });
  }
  const url = config.url?.replace(/\/+$/, '');
  return {
    kind: 'jekyll',
    origin: url && /^https?:\/\//.test(url) ? new URL(url).origin : undefined,
    basePath: config.baseurl?.replace(/\/+$/, '') || undefined,
    posts,
    issues,
  };
}
