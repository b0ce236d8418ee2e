/**
 * Hugo reference: the same Markdown files in a minimal Hugo site (one single-page layout, no taxonomies, feeds or
 * sitemap). MDX component tags are removed and their content kept as Markdown, since Hugo cannot render MDX.
 * Uses Debian's `hugo` when installed; never installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { runMeasured, dirSize } from './measure.ts';
import { summarize, type BuildMeasure } from './astro-build.ts';

export function hugoBinary(): string | undefined {
  for (const p of ['/usr/bin/hugo', '/usr/local/bin/hugo']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function hugoVersion(bin: string): string {
  try {
    return execFileSync(bin, ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** MDX → Markdown for Hugo: drop the component tags, keep what is inside them. */
export function mdxToMarkdown(text: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  const head = m ? m[0] : '';
  const body = text
    .slice(head.length)
    .split('\n')
    .filter((l) => !/^\s*<\/?(Callout|Timeline|TimelineEntry)\b[^>]*>\s*$/.test(l))
    .map((l) => l.replace(/^ {2}(?=\S)/, ''))
    .join('\n');
  return head + body;
}

export function makeHugoProject(dir: string, tree: string): number {
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(
    join(dir, 'hugo.toml'),
    `baseURL = "https://hugo.example/"
languageCode = "en"
title = "Downstream (Hugo reference)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
buildFuture = true
[frontmatter]
  date = ["pubDate", ":default"]
[markup.goldmark.parser]
  autoHeadingID = true
[markup.highlight]
  codeFences = true
  noClasses = false
`,
  );
  writeFileSync(
    join(dir, 'layouts/_default/single.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><article><h1>{{ .Title }}</h1>{{ .Content }}</article></main></body></html>
`,
  );
  let n = 0;
  for (const f of readdirSync(join(tree, 'articles'))) {
    const text = readFileSync(join(tree, 'articles', f), 'utf8');
    if (f.endsWith('.mdx'))
      writeFileSync(join(dir, 'content/articles', f.replace(/\.mdx$/, '.md')), mdxToMarkdown(text));
    else writeFileSync(join(dir, 'content/articles', f), text);
    n++;
  }
  return n;
}

/** "Total in 1234 ms" */
export const parseHugoTotal = (lines: string[]) => {
  for (const l of lines) {
    const m = /Total in (\d+) ms/.exec(l);
    if (m) return Number(m[1]);
  }
  return undefined;
};

export async function hugoBuild(o: {
  bin: string;
  dir: string;
  outDir: string;
  articles: number;
  kind: 'cold' | 'warm';
  logFile: string;
  label: string;
}): Promise<BuildMeasure> {
  rmSync(o.outDir, { recursive: true, force: true });
  if (o.kind === 'cold') rmSync(join(o.dir, 'resources'), { recursive: true, force: true });
  const before = loadavg()[0]!;
  const r = await runMeasured(
    o.bin,
    ['--source', o.dir, '--destination', o.outDir, '--cleanDestinationDir', '--noBuildLock'],
    {
      cwd: o.dir,
      env: { ...process.env, HUGO_CACHEDIR: join(o.dir, '.hugo_cache') },
      logFile: o.logFile,
      timeoutMs: 30 * 60_000,
    },
  );
  const m = summarize(o.label, o.kind, o.articles, r, o.outDir, o.logFile, before);
  const total = parseHugoTotal(r.lines.map((l) => l.line));
  const pages = dirSize(o.outDir).files; // one index.html per article (and nothing else with this config)
  return {
    ...m,
    pages,
    pagesPerSec: Math.round((pages / (r.wallMs / 1000)) * 10) / 10,
    phases: total ? { mdxWarnings: 0, astroTotalMs: total, integrations: {} } : undefined,
  };
}
