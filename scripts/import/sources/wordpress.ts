/**
 * A WordPress export (WXR: RSS 2.0 with wp:, content:, excerpt:, dc: namespaces), read with fast-xml-parser.
 * Posts come along; pages, attachments, menus and the rest are counted as skipped with their type.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { SourceArchive, SourceIssue, SourcePost } from '../types.ts';

type Node = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (v == null) return undefined;
  if (typeof v === 'object') return str((v as Node)['#text']);
  const s = String(v);
  return s.trim() ? s : undefined;
};
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v : v == null ? [] : [v]) as Node[];

const STATUS_DRAFT: Record<string, string> = {
  draft: 'status draft',
  pending: 'status pending (awaiting review)',
  private: 'status private',
  future: 'status future (scheduled, never published)',
  'auto-draft': 'status auto-draft',
};

export function readWordPress(file: string): SourceArchive {
  const xml = readFileSync(file, 'utf8');
  try {
    SyntaxValidator.validate(xml);
  } catch (e) {
    const err = e as Error & { line?: number };
    throw new Error(`${file}:${err.line ?? 1}: not a well-formed WordPress export: ${err.message}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => ['item', 'category', 'wp:author', 'wp:postmeta'].includes(name),
  });
  const doc = parser.parse(xml) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw new Error(`${file}: no <rss><channel>: not a WordPress export (WXR)`);
  const issues: SourceIssue[] = [];
  const site = str(channel['wp:base_blog_url']) ?? str(channel.link);
  const origin = site && /^https?:\/\//.test(site.trim()) ? new URL(site.trim()).origin : undefined;
  const basePath = site && origin ? new URL(site.trim()).pathname.replace(/\/+$/, '') || undefined : undefined;
  const licence = str(channel.copyright)?.trim();
  const authorNames = new Map<string, string>();
  for (const a of arr(channel['wp:author'])) {
    const login = str(a['wp:author_login'])?.trim();
    const name = str(a['wp:author_display_name'])?.trim();
    if (login) authorNames.set(login, name ?? login);
  }
  const posts: SourcePost[] = [];
  const otherTypes = new Map<string, number>();
  for (const [i, item] of arr(channel.item).entries()) {
    const type = str(item['wp:post_type'])?.trim() ?? 'post';
    const id = str(item['wp:post_id'])?.trim();
    const where = `${file.split('/').pop()} item ${i + 1}${id ? ` (post id ${id})` : ''}`;
    if (type !== 'post') {
      otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
      continue;
    }
    const status = str(item['wp:status'])?.trim() ?? 'publish';
    if (status === 'trash' || status === 'inherit') {
      issues.push({ file: where, kind: 'skipped', class: 'trash', message: `status ${status}: deleted in WordPress` });
      continue;
    }
    const link = str(item.link)?.trim();
    let path: string | undefined;
    if (link && /^https?:\/\//.test(link)) {
      const u = new URL(link);
      // Unpublished posts have ?p=123 links: not a URL anyone linked to.
      if (!u.search) path = u.pathname;
    }
    const date = str(item['wp:post_date'])?.trim();
    const cats = arr(item.category);
    const creator = str(item['dc:creator'])?.trim();
    posts.push({
      file: where,
      title: str(item.title)?.trim(),
      date: date && !date.startsWith('0000') ? date : undefined,
      updated: str(item['wp:post_modified'])?.trim(),
      draft: status !== 'publish',
      draftReason: status !== 'publish' ? (STATUS_DRAFT[status] ?? `status ${status}`) : undefined,
      slug: (() => {
        const s = str(item['wp:post_name'])?.trim();
        return s ? decodeURIComponent(s) : undefined;
      })(),
      path,
      // /?p=<id> resolves links in other posts' bodies; the id itself goes to provenance (query-string redirects).
      aliases: id && origin ? [`/?p=${id}`] : [],
      wordpressId: id && /^[1-9]\d{0,18}$/.test(id) ? Number(id) : undefined,
      authors: creator ? [authorNames.get(creator) ?? creator] : [],
      categories: cats
        .filter((c) => c['@_domain'] === 'category')
        .map((c) => str(c)?.trim() ?? '')
        .filter(Boolean),
      tags: cats
        .filter((c) => c['@_domain'] === 'post_tag')
        .map((c) => str(c)?.trim() ?? '')
        .filter(Boolean),
      excerpt: str(item['excerpt:encoded'])?.trim(),
      licence,
      body: str(item['content:encoded']) ?? '',
      format: 'html',
    });
  }
  for (const [type, n] of otherTypes)
    issues.push({
      file: file.split('/').pop() ?? file,
      kind: 'skipped',
      class: 'not-a-post',
      message: `${n} item(s) of type "${type}" (only posts are imported)`,
    });
  return { kind: 'wordpress', origin, basePath, posts, issues };
}
