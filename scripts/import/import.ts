/**
 * The importer: reads an archive (WordPress, Jekyll, Hugo), converts every post to a Downstream article under
 * content/articles/<prefix>/, and writes the mapping file, the manifest the build's imported-content policy reads,
 * and a report of what was imported, skipped and needs a human. Deterministic: the same input gives the same files.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { Document, parse as parseYaml } from 'yaml';
import { ARTICLE_TYPES, type ArticleType } from '../../src/schemas/article.ts';
import { IMPORTS_DIR, MANIFEST_FILE, type ImportManifest } from '../../src/lib/imported.ts';
import { htmlToMarkdown } from './convert/html.ts';
import { cleanProse, rewriteLinks, tidyBlankLines } from './convert/markdown.ts';
import { convertHugoShortcodes, convertLiquid, type Note } from './convert/shortcodes.ts';
import { mappingDocument, readMapping, suggestDesk, suggestTarget, type Target, type Vocabulary } from './mapping.ts';
import { shortHash, slugify } from './slug.ts';
import { readHugo } from './sources/hugo.ts';
import { readJekyll } from './sources/jekyll.ts';
import { readWordPress } from './sources/wordpress.ts';
import { clampDek, firstParagraph, htmlText } from './text.ts';
import type { SourceArchive, SourceKind, SourcePost } from './types.ts';

export interface ImportOptions {
  from: SourceKind;
  input: string;
  /** Content tree to write into (CONTENT_DIR or ./content). */
  contentDir: string;
  /** Folder under content/articles/ (and the URL segment /articles/<prefix>/). */
  prefix: string;
  /** WordPress uploads folder (wp-content/uploads) to copy local images from. */
  uploads?: string;
  /** Import date (YYYY-MM-DD) recorded in provenance for new articles. */
  today: string;
  force: boolean;
  /** Old site origin when the export does not say it (Jekyll without `url:`). */
  origin?: string;
}

export interface ReportEntry {
  file: string;
  article?: string;
  class: string;
  message: string;
}

export interface ImportReport {
  from: SourceKind;
  input: string;
  prefix: string;
  imported: { file: string; article: string; draft: boolean; status: 'written' | 'unchanged' | 'kept-edited' }[];
  skipped: ReportEntry[];
  needsHuman: ReportEntry[];
  unmapped: { kind: 'author' | 'category' | 'tag'; name: string; posts: number }[];
  /** Names new to the mapping file that got a suggested mapping this run: review them in the file. */
  suggested: { kind: 'author' | 'category' | 'tag'; name: string; to: string }[];
  remoteImageHosts: string[];
  redirects: number;
  mappingFile: string;
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|tiff?)$/i;

export function readArchive(from: SourceKind, input: string): SourceArchive {
  if (from === 'wordpress') return readWordPress(input);
  if (from === 'jekyll') return readJekyll(input);
  return readHugo(input);
}

/** YYYY-MM-DD of a source date, only if it is a real calendar date (2019-02-30 is not). */
export function calendarDate(raw: string | undefined): string | undefined {
  const m = raw?.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Old paths compare without trailing slash, index.html, percent-encoding or case. */
export function pathKey(path: string): string {
  let p = path.split('#')[0] ?? '';
  try {
    p = decodeURI(p);
  } catch {
    /* keep as written */
  }
  return (
    p
      .normalize('NFC')
      .replace(/\/index\.html?$/, '/')
      .replace(/\/+$/, '')
      .toLowerCase() || '/'
  );
}

function readVocabulary(contentDir: string): Vocabulary {
  const names = (dir: string) =>
    new Map(
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
            .map((f) => {
              const data = (parseYaml(readFileSync(join(dir, f), 'utf8')) ?? {}) as { name?: string };
              return [f.replace(/\.yaml$/, ''), data.name ?? ''] as const;
            })
        : [],
    );
  const topicsFile = join(contentDir, 'topics.yaml');
  const topics = existsSync(topicsFile)
    ? ((parseYaml(readFileSync(topicsFile, 'utf8')) ?? []) as { id: string; name: string }[])
    : [];
  return {
    desks: names(join(contentDir, 'authors')),
    distros: names(join(contentDir, 'distros')),
    topics: new Map(topics.map((t) => [t.id, t.name])),
  };
}

/** Front matter + body → file text; the hash covers everything but itself, so any later edit shows. */
export function articleText(data: Record<string, unknown>, body: string): string {
  const render = (hash: string) => {
    const imported = { ...(data.imported as Record<string, unknown>), hash };
    const doc = new Document({ ...data, imported });
    return `---\n${doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}---\n\n${body.trim()}\n`;
  };
  return render(contentHash(render(HASH_PLACEHOLDER)));
}

const HASH_PLACEHOLDER = '0'.repeat(16);

export function contentHash(textWithEmptyHash: string): string {
  return createHash('sha256').update(textWithEmptyHash).digest('hex').slice(0, 16);
}

/** Whether an existing imported file was edited since the importer wrote it (its hash no longer matches). */
export function editedSinceImport(text: string): boolean {
  const m = text.match(/^ {2}hash: "?([0-9a-f]{16})"?$/m);
  if (!m) return true;
  return (
    contentHash(text.replace(m[0], `  hash: ${HASH_PLACEHOLDER.replace(/^/, '"')}"`)) !== m[1] &&
    contentHash(text.replace(m[0], `  hash: ${HASH_PLACEHOLDER}`)) !== m[1]
  );
}

/** Provenance date of an existing imported file, so re-running on another day changes nothing. */
function existingImportDate(text: string): string | undefined {
  return text.match(/^ {2}on: "?(\d{4}-\d{2}-\d{2})"?$/m)?.[1];
}

interface Planned {
  post: SourcePost;
  slug: string;
  url: string;
  date?: string;
}

export function runImport(opts: ImportOptions): ImportReport {
  const archive = readArchive(opts.from, opts.input);
  const origin = opts.origin ? new URL(opts.origin).origin : archive.origin;
  const articlesDir = join(opts.contentDir, 'articles', opts.prefix);
  const importsDir = join(opts.contentDir, IMPORTS_DIR, opts.prefix);
  const mappingFile = join(importsDir, 'mapping.yaml');
  const mapping = readMapping(mappingFile);
  const vocab = readVocabulary(opts.contentDir);
  const fallbackDesk = `${opts.prefix}-archive`;
  const report: ImportReport = {
    from: opts.from,
    input: basename(opts.input),
    prefix: opts.prefix,
    imported: [],
    skipped: archive.issues
      .filter((i) => i.kind === 'skipped')
      .map(({ file, class: c, message }) => ({ file, class: c, message })),
    needsHuman: archive.issues
      .filter((i) => i.kind === 'needs-human')
      .map(({ file, class: c, message }) => ({ file, class: c, message })),
    unmapped: [],
    suggested: [],
    remoteImageHosts: [],
    redirects: 0,
    mappingFile: relative(process.cwd(), mappingFile),
  };

  // 1. Keep what can be published; order by date then file so slugs and "first wins" rules are stable.
  const keep: SourcePost[] = [];
  for (const post of archive.posts) {
    if (!post.body.trim() && !post.title) {
      report.skipped.push({ file: post.file, class: 'empty', message: 'no title and no text' });
      continue;
    }
    if (!post.body.trim()) {
      report.skipped.push({ file: post.file, class: 'empty', message: `"${post.title}" has no text` });
      continue;
    }
    keep.push(post);
  }
  keep.sort(
    (a, b) =>
      (calendarDate(a.date) ?? '9999').localeCompare(calendarDate(b.date) ?? '9999') || a.file.localeCompare(b.file),
  );

  // 2. Slugs, new URLs and the old-path lookup every link rewrite uses.
  const used = new Set<string>();
  const planned: Planned[] = [];
  const byOldPath = new Map<string, Planned>();
  const byRef = new Map<string, Planned>();
  for (const post of keep) {
    const date = calendarDate(post.date);
    let base = slugify(post.slug ?? '') || slugify(post.title ?? '');
    if (!base) base = `post-${date ?? 'undated'}-${shortHash(post.file, 6)}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    if (slug !== base)
      report.needsHuman.push({
        file: post.file,
        article: slug,
        class: 'duplicate-slug',
        message: `another post already uses "${base}": published as "${slug}"`,
      });
    used.add(slug);
    const p: Planned = { post, slug, date, url: `/articles/${opts.prefix}/${slug}/` };
    planned.push(p);
    for (const old of [post.path, ...post.aliases].filter((x): x is string => !!x)) {
      const key = pathKey(stripBase(old, archive.basePath));
      const other = byOldPath.get(key);
      if (other && other !== p)
        report.needsHuman.push({
          file: post.file,
          article: slug,
          class: 'duplicate-permalink',
          message: `old URL ${old} also belongs to ${other.post.file}: it redirects to the earlier post (${other.url}) only`,
        });
      else byOldPath.set(key, p);
    }
    const noExt = post.file.replace(/\.[^./]+$/, '');
    for (const ref of [post.file, noExt, basename(noExt), basename(post.file)]) if (!byRef.has(ref)) byRef.set(ref, p);
  }

  // Titles are unique across the archive (the build refuses duplicates): a repeated title gets its date, reported.
  const titleKey = (t: string) => t.trim().toLowerCase().replace(/\s+/g, ' ');
  const takenTitles = new Set(otherTitles(join(opts.contentDir, 'articles'), articlesDir).map(titleKey));
  const titles = new Map<Planned, string>();
  for (const p of planned) {
    const base = p.post.title ?? '';
    if (!base) continue;
    let title = base;
    if (takenTitles.has(titleKey(title))) {
      title = `${base} (${p.date ?? 'undated'})`;
      for (let n = 2; takenTitles.has(titleKey(title)); n++) title = `${base} (${p.date ?? 'undated'}, ${n})`;
      report.needsHuman.push({
        file: p.post.file,
        article: p.slug,
        class: 'duplicate-title',
        message: `another article is titled "${base}": published as "${title}"; say what is different`,
      });
    }
    takenTitles.add(titleKey(title));
    titles.set(p, title);
  }

  // 3. Names not in the mapping file yet get their suggestion (written to the file for review) or none.
  const seen = { authors: new Set<string>(), categories: new Set<string>(), tags: new Set<string>() };
  for (const { post } of planned) {
    if (post.authors[0]) seen.authors.add(post.authors[0]);
    post.categories.forEach((c) => seen.categories.add(c));
    post.tags.forEach((t) => seen.tags.add(t));
  }
  // A value equal to the suggestion is listed for review on every run, so two runs write the same files.
  const suggested: ImportReport['suggested'] = [];
  for (const name of seen.authors) {
    const desk = suggestDesk(name, vocab);
    if (!Object.hasOwn(mapping.authors, name)) mapping.authors[name] = desk;
    if (desk && mapping.authors[name] === desk) suggested.push({ kind: 'author', name, to: desk });
  }
  for (const kind of ['categories', 'tags'] as const)
    for (const name of seen[kind]) {
      const target = suggestTarget(name, vocab);
      if (!Object.hasOwn(mapping[kind], name)) mapping[kind][name] = target;
      if (target && JSON.stringify(mapping[kind][name]) === JSON.stringify(target))
        suggested.push({ kind: kind === 'categories' ? 'category' : 'tag', name, to: JSON.stringify(target) });
    }
  suggested.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en'));
  report.suggested = suggested;

  // 4. Convert and write.
  const unmappedCount = new Map<string, number>();
  const remoteHosts = new Set<string>();
  const manifest: ImportManifest = { from: opts.from, articles: {} };
  mkdirSync(articlesDir, { recursive: true });
  for (const p of planned) {
    const { post } = p;
    const notes: Note[] = [];
    const title = titles.get(p) ?? '';
    const resolvePost = (ref: string) => {
      const r = ref.trim().replace(/^["']|["']$/g, '');
      return (
        byRef.get(r) ??
        byRef.get(r.replace(/^\//, '')) ??
        byRef.get(`_posts/${r}`) ??
        byOldPath.get(pathKey(r.startsWith('/') ? r : `/${r}`))
      )?.url;
    };
    const ctx = { resolvePost, title, notes };
    let md: string;
    if (post.format === 'html')
      md = htmlToMarkdown(opts.from === 'jekyll' ? convertLiquid(post.body, ctx) : post.body, ctx);
    else if (opts.from === 'jekyll') md = convertLiquid(post.body, ctx);
    else md = convertHugoShortcodes(post.body, ctx);
    md = cleanProse(md, notes);
    const newUrls = new Set(planned.map((x) => x.url));
    md = rewriteLinks(md, {
      notes,
      rewrite: (url, kind) =>
        newUrls.has(url.split('#')[0] ?? '')
          ? url
          : rewriteUrl(url, kind, {
              post,
              origin,
              basePath: archive.basePath,
              byOldPath,
              opts,
              archive,
              articlesDir,
              notes,
              remoteHosts,
            }),
    });
    md = tidyBlankLines(md);

    // Front matter.
    const needs = (cls: string, message: string) =>
      report.needsHuman.push({ file: post.file, article: p.slug, class: cls, message });
    let finalTitle = title;
    if (!finalTitle) {
      finalTitle = (post.slug ?? p.slug).replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
      needs('missing-title', `no title in the source: used "${finalTitle}" from the file name`);
    }
    if (finalTitle.length > 140) {
      finalTitle = `${finalTitle.slice(0, 139).replace(/\s+\S*$/, '')}…`;
      needs('long-title', 'title longer than 140 characters: shortened');
    }
    const file = join(articlesDir, `${p.slug}.md`);
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const importDate = (existing && existingImportDate(existing)) ?? opts.today;
    let draft = post.draft;
    let pubDate = p.date;
    if (!pubDate) {
      needs(
        'missing-date',
        `no valid publication date (${post.date ?? 'none'}): kept as a draft dated the import day; set pubDate`,
      );
      pubDate = importDate;
      draft = true;
    }
    const fromExcerpt = post.excerpt ? clampDek(htmlText(post.excerpt)) : '';
    let description = fromExcerpt || clampDek(firstParagraph(md));
    if (!description) {
      description = finalTitle;
      needs('short-description', 'no excerpt and no opening paragraph: the title stands in as the dek');
    } else if (description.length < 50) needs('short-description', `dek shorter than 50 characters: "${description}"`);

    const authorName = post.authors[0];
    let desk = fallbackDesk;
    if (authorName) {
      const mapped = mapping.authors[authorName];
      if (mapped && vocab.desks.has(mapped)) desk = mapped;
      else {
        unmappedCount.set(`author\0${authorName}`, (unmappedCount.get(`author\0${authorName}`) ?? 0) + 1);
        if (mapped)
          needs('mapping', `author "${authorName}" maps to desk "${mapped}", which does not exist in content/authors/`);
      }
    }
    const distros = new Set<string>();
    const topics = new Set<string>();
    let type: ArticleType | undefined;
    const apply = (kind: 'categories' | 'tags', name: string) => {
      const target: Target | null | undefined = mapping[kind][name];
      if (!target) {
        const k = `${kind === 'categories' ? 'category' : 'tag'}\0${name}`;
        unmappedCount.set(k, (unmappedCount.get(k) ?? 0) + 1);
        return;
      }
      for (const d of target.distros ?? []) {
        if (vocab.distros.has(d)) distros.add(d);
        else needs('mapping', `${kind} "${name}" maps to unknown distribution "${d}"`);
      }
      for (const t of target.topics ?? []) {
        if (vocab.topics.has(t)) topics.add(t);
        else needs('mapping', `${kind} "${name}" maps to unknown topic "${t}"`);
      }
      if (target.type && ARTICLE_TYPES.includes(target.type)) type ??= target.type;
    };
    post.categories.forEach((c) => apply('categories', c));
    post.tags.forEach((t) => apply('tags', t));

    const updated = calendarDate(post.updated);
    const aliases = [post.path, ...post.aliases]
      .filter((x): x is string => !!x && !x.includes('?'))
      .map((x) => x)
      .filter((x, i, all) => all.indexOf(x) === i && byOldPath.get(pathKey(stripBase(x, archive.basePath))) === p);
    const originalUrl = origin && post.path ? new URL(post.path, origin).href : undefined;
    const data: Record<string, unknown> = {
      title: finalTitle,
      description,
      pubDate,
      ...(updated && updated > pubDate ? { updatedDate: updated } : {}),
      authors: [desk],
      distros: [...distros],
      topics: [...topics],
      type: type ?? mapping.defaultType,
      ...(draft ? { draft: true } : {}),
      sources: [],
      imported: {
        from: opts.from,
        ...(originalUrl ? { url: originalUrl } : {}),
        ...(aliases.length ? { paths: aliases } : {}),
        ...(post.wordpressId ? { wordpressId: post.wordpressId } : {}),
        ...(authorName ? { author: authorName } : {}),
        ...(post.licence ? { licence: post.licence } : {}),
        on: importDate,
      },
    };
    if (post.draft) needs('draft', `unpublished in the source (${post.draftReason ?? 'draft'}): imported as a draft`);
    for (const n of notes) needs(n.class, n.message);
    const text = articleText(data, md);
    let status: 'written' | 'unchanged' | 'kept-edited' = 'written';
    if (existing === text) status = 'unchanged';
    else if (existing && editedSinceImport(existing) && !opts.force) {
      status = 'kept-edited';
      needs('edited', 'edited since the last import: kept as it is (use --force to overwrite)');
    } else writeFileSync(file, text);
    report.imported.push({ file: post.file, article: `articles/${opts.prefix}/${p.slug}.md`, draft, status });
    manifest.articles[`${opts.prefix}/${p.slug}`] = aliases;
    report.redirects += aliases.length;
  }

  // 5. Mapping, archive desk, manifest, report.
  mkdirSync(importsDir, { recursive: true });
  writeFileSync(mappingFile, mappingDocument(mapping, seen, suggested, fallbackDesk));
  const deskFile = join(opts.contentDir, 'authors', `${fallbackDesk}.yaml`);
  if (report.imported.some(() => true) && !existsSync(deskFile)) {
    mkdirSync(dirname(deskFile), { recursive: true });
    writeFileSync(
      deskFile,
      `# Signs imported articles whose author is not mapped to a desk; the original author is credited on each page.\nname: "Archive (${opts.prefix})"\nrole: Archive\nbio: "Articles imported from the ${opts.from} archive. The original author and URL are credited on each article."\n`,
    );
  }
  for (const [key, n] of unmappedCount) {
    const [kind, name] = key.split('\0') as ['author' | 'category' | 'tag', string];
    if (kind === 'author' && mapping.authors[name]) continue;
    report.unmapped.push({ kind, name, posts: n });
  }
  report.unmapped.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en'));
  report.remoteImageHosts = [...remoteHosts].sort();
  writeFileSync(join(importsDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(importsDir, 'report.md'), reportMarkdown(report));
  return report;
}

/** Titles of the articles outside this import's folder (new writing and other imports). */
function otherTitles(articles: string, own: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (full === own) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) {
        const fm = readFileSync(full, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/);
        try {
          const title = (parseYaml(fm?.[1] ?? '') as { title?: unknown } | null)?.title;
          if (typeof title === 'string') out.push(title);
        } catch {
          /* the build reports unreadable front matter */
        }
      }
    }
  };
  walk(articles);
  return out;
}

function stripBase(path: string, basePath: string | undefined): string {
  if (basePath && path.toLowerCase().startsWith(`${basePath.toLowerCase()}/`)) return path.slice(basePath.length);
  return path;
}

interface RewriteContext {
  post: SourcePost;
  origin?: string;
  basePath?: string;
  byOldPath: Map<string, Planned>;
  opts: ImportOptions;
  archive: SourceArchive;
  articlesDir: string;
  notes: Note[];
  remoteHosts: Set<string>;
}

/** One URL in an imported body → where it should point now. */
export function rewriteUrl(url: string, kind: 'link' | 'image', c: RewriteContext): string {
  const raw = url.trim();
  if (!raw || raw.startsWith('#') || (/^[a-z][a-z0-9+.-]*:/i.test(raw) === true && !/^https?:/i.test(raw))) return url;
  let target = raw.startsWith('//') ? `https:${raw}` : raw;
  if (/^https?:\/\//i.test(target)) {
    const u = new URL(target);
    const own = c.origin && u.host.replace(/^www\./, '') === new URL(c.origin).host.replace(/^www\./, '');
    if (!own) {
      if (kind === 'image') c.remoteHosts.add(u.host);
      return target;
    }
    target = `${u.pathname}${u.search}${u.hash}`;
  } else if (!target.startsWith('/')) {
    // Relative to the post: a Hugo bundle resource first, then against the old page URL.
    const local =
      c.opts.from === 'hugo'
        ? join(c.opts.input, dirname(c.post.file), decodeSafe(target.split(/[?#]/)[0] ?? ''))
        : undefined;
    if (local && existsSync(local) && statSync(local).isFile())
      return copyMedia(local, `${c.opts.prefix}/${dirname(c.post.file)}/${target}`, c, kind);
    const base = new URL(c.post.path ?? '/', 'http://old.invalid');
    const u = new URL(target, base);
    target = `${u.pathname}${u.search}${u.hash}`;
  }
  const path = stripBase(target, c.basePath);
  const [beforeHash, hash = ''] = path.split('#');
  const post =
    c.byOldPath.get(pathKey(beforeHash ?? '')) ?? c.byOldPath.get(pathKey(beforeHash?.replace(/\?.*$/, '') ?? ''));
  if (post && !/\?(?!p=)/.test(beforeHash ?? '')) return `${post.url}${hash ? `#${hash}` : ''}`;
  const clean = (beforeHash ?? '').replace(/\?.*$/, '');
  const file = localFile(clean, c);
  if (file) return copyMedia(file, clean, c, kind);
  if (c.origin) {
    const abs = new URL(path, c.origin).href;
    c.notes.push({
      class: kind === 'image' ? 'image-not-copied' : 'link-to-old-site',
      message: `${url} is not an imported post${kind === 'image' ? ' or a copied file' : ''}: now points at ${abs}`,
    });
    if (kind === 'image') c.remoteHosts.add(new URL(c.origin).host);
    return abs;
  }
  c.notes.push({
    class: 'broken-link',
    message: `${url} points at the old site, whose address is unknown: fix by hand (or pass --origin)`,
  });
  return url;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A root-relative old path → a file on disk (WordPress uploads, Jekyll site folder, Hugo static/). */
function localFile(path: string, c: RewriteContext): string | undefined {
  const rel = decodeSafe(path).replace(/^\/+/, '');
  if (!rel || rel.includes('..')) return undefined;
  const candidates: string[] = [];
  if (c.opts.uploads) {
    const i = rel.indexOf('uploads/');
    candidates.push(join(c.opts.uploads, i >= 0 ? rel.slice(i + 'uploads/'.length) : rel));
  }
  if (c.opts.from === 'jekyll') {
    const site = basename(c.opts.input) === '_posts' ? dirname(c.opts.input) : c.opts.input;
    candidates.push(join(site, rel));
  }
  if (c.opts.from === 'hugo') candidates.push(join(dirname(resolve(c.opts.input)), 'static', rel));
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/**
 * Copies a local image beside the imported articles (Astro then optimises it like any article image). Links to
 * files (PDFs, or images as link targets) cannot be served from content/: they point at the old site, reported.
 */
function copyMedia(file: string, oldPath: string, c: RewriteContext, kind: 'link' | 'image'): string {
  if (kind === 'link' || !IMAGE_EXT.test(file)) {
    const abs = c.origin ? new URL(oldPath, c.origin).href : oldPath;
    c.notes.push({
      class: 'file-not-copied',
      message: `${oldPath}: a linked file (not an inline image); now points at ${abs}: host it and link to it by hand`,
    });
    return abs;
  }
  const name = `${shortHash(oldPath, 6)}-${slugify(basename(file, extname(file)), 60) || 'image'}${extname(file).toLowerCase()}`;
  const dest = join(c.articlesDir, 'media', name);
  mkdirSync(dirname(dest), { recursive: true });
  if (!existsSync(dest) || readFileSync(dest).compare(readFileSync(file)) !== 0) copyFileSync(file, dest);
  return `./media/${name}`;
}

export function reportMarkdown(r: ImportReport): string {
  const lines = [
    `# Import report: ${r.from} → content/articles/${r.prefix}/`,
    '',
    `Source: \`${r.input}\`. Articles: ${r.imported.length} (${r.imported.filter((i) => i.draft).length} drafts). Skipped: ${r.skipped.length}. Old URLs redirected: ${r.redirects}.`,
    '',
    'Generated by `npm run import`; it changes only when the source or the mapping does.',
    '',
    '## Skipped',
    '',
    ...(r.skipped.length ? r.skipped.map((s) => `- \`${s.file}\` (${s.class}): ${s.message}`) : ['Nothing.']),
    '',
    '## Needs a human',
    '',
  ];
  const classes = [...new Set(r.needsHuman.map((n) => n.class))].sort();
  if (!classes.length) lines.push('Nothing.', '');
  for (const cls of classes) {
    const items = r.needsHuman.filter((n) => n.class === cls);
    lines.push(
      `### ${cls} (${items.length})`,
      '',
      ...items.map((n) => `- \`${n.file}\`${n.article ? ` → ${n.article}` : ''}: ${n.message}`),
      '',
    );
  }
  lines.push(
    '## Mapping',
    '',
    `Edit \`${r.mappingFile}\` and import again.`,
    '',
    '### Mapped as suggested (review)',
    '',
  );
  lines.push(...(r.suggested.length ? r.suggested.map((u) => `- ${u.kind} "${u.name}" → ${u.to}`) : ['None.']), '');
  lines.push('### Unmapped (no distribution, topic or desk: the archive desk signs unmapped authors)', '');
  lines.push(
    ...(r.unmapped.length ? r.unmapped.map((u) => `- ${u.kind} "${u.name}" (${u.posts} post(s))`) : ['None.']),
    '',
  );
  lines.push(
    '## Remote image hosts',
    '',
    ...(r.remoteImageHosts.length ? r.remoteImageHosts.map((h) => `- ${h}`) : ['None.']),
    '',
  );
  return `${lines.join('\n')}\n`;
}
