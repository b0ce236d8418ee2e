/**
 * A Hugo content folder: Markdown (or HTML) files with YAML, TOML or JSON front matter; page bundles
 * (<slug>/index.md); section list pages (_index.md) are not posts. The old URL is `url:` if set, else
 * /<section>/<slug or file name>/ (Hugo's default); `aliases:` are old URLs too. A site config beside the
 * content folder (hugo.toml, config.toml, hugo.yaml…) gives the origin.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { SourceArchive, SourceIssue, SourcePost } from '../types.ts';
import { list, splitFrontMatter, text } from './front-matter.ts';

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

function readConfig(siteDir: string, issues: SourceIssue[]): { baseURL?: string; copyright?: string } {
  for (const name of CONFIGS) {
    const file = join(siteDir, name);
    if (!existsSync(file)) continue;
    try {
      const raw = readFileSync(file, 'utf8');
      const c = (
        name.endsWith('.toml') ? parseToml(raw) : name.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw)
      ) as Record<string, unknown>;
      return { baseURL: text(c.baseURL ?? c.baseurl), copyright: text(c.copyright) };
    } catch (e) {
      issues.push({
        file: name,
        kind: 'needs-human',
        class: 'config',
        message: `unreadable ${name}: ${(e as Error).message.split('\n')[0]}`,
      });
    }
  }
  return {};
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
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
  for (const f of walk(contentDir)) {
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
    const raw = readFileSync(f, 'utf8');
    if (!raw.trim()) {
      issues.push({ file: rel, kind: 'skipped', class: 'empty', message: 'empty file' });
      continue;
    }
    const fm = splitFrontMatter(raw);
    if (!fm.ok) {
      issues.push({
        file: rel,
        kind: 'skipped',
        class: 'bad-front-matter',
        message: `${fm.error}: fix the file and import again`,
      });
      continue;
    }
    const d = fm.data;
    const parts = rel.split(sep);
    const bundle = basename(f, ext) === 'index';
    const fileName = (bundle ? parts.at(-2) : basename(f, ext))?.normalize('NFC') ?? '';
    const sectionParts = parts.slice(0, bundle ? -2 : -1);
    const slug = text(d.slug) ?? fileName;
    const url = text(d.url);
    const path = url ? (url.startsWith('/') ? url : `/${url}`) : `/${[...sectionParts, hugoSlug(slug)].join('/')}/`;
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
      aliases: list(d.aliases).map((a) => (a.startsWith('/') ? a : `/${a}`)),
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
  const base = config.baseURL && /^https?:\/\//.test(config.baseURL) ? new URL(config.baseURL) : undefined;
  return {
    kind: 'hugo',
    origin: base?.origin,
    basePath: base && base.pathname !== '/' ? base.pathname.replace(/\/+$/, '') : undefined,
    posts,
    issues,
  };
}
