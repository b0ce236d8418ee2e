import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDist, urlForFile } from './checks/dist-index.ts';
import { linkProblem, type Problem } from './checks/rules.ts';
import { factsCache } from './checks/page-facts-cache.ts';
import type { PageFacts } from './checks/page-facts.ts';
import { articleFiles } from '../lib/article-files.ts';
import { duplicateArticleUrls, lineOfTarget } from './checks/content-files.ts';
import { remoteImageHosts } from '../lib/remote-images.ts';
import { remoteImageProblems } from './checks/remote-images.ts';
import { RELAXED_GATES, relaxedGatesUsed, relaxedPolicyArticles, splitByRelaxedPolicy } from '../lib/imported.ts';

/**
 * Refuses to finish a build whose articles are broken: duplicate article URLs (before building), and after
 * building, links or #anchors in article bodies that point nowhere, images without alt text, external links
 * without rel="noopener". Each problem names the source file and line. A failed build leaves no dist/ behind.
 */
export default function contentChecks({ base, contentDir }: { base: string; contentDir: string }): AstroIntegration {
  const articlesDir = `${contentDir}/articles`;
  let cacheDir: string | undefined;
  return {
    name: 'downstream:content-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        const dupes = duplicateArticleUrls(articlesDir);
        if (dupes.length) throw new Error(`Duplicate article URLs:\n  ${dupes.join('\n  ')}`);
        // Imported articles: only the importer's own files may use the relaxed policy; what they use is listed.
        const { articles: imported, claims } = relaxedPolicyArticles(contentDir);
        if (claims.length) throw new Error(`Articles claiming to be imported:\n  ${claims.join('\n  ')}`);
        const relaxed = [...imported.values()].flatMap((a) =>
          relaxedGatesUsed(a).map((g) => `${relative(process.cwd(), a.file)}: ${RELAXED_GATES[g]}`),
        );
        if (relaxed.length)
          logger.warn(
            `${relaxed.length} legacy issue(s) in imported articles (relaxed policy, docs/importing.md):\n  ${relaxed.join('\n  ')}`,
          );
      },
      'astro:build:done': ({ dir, logger }) => {
        if (process.env[CHECKS_DEFER_ENV] === 'after-astro') {
          logger.info('links, anchors and images of the article pages are checked after Astro has exited');
          return;
        }
        const out = fileURLToPath(dir);
        try {
          checkBuiltArticles({ out, base, contentDir, cacheDir, log: logger });
        } catch (error) {
          rmSync(out, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}

/**
 * When set to "after-astro" (scripts/build.ts does), the build:done hook leaves the article checks to
 * checkBuiltArticles(), run by the orchestrator in a process of its own once Astro has exited: at 10,000 articles
 * Astro's process was already at Node's default heap limit when the checks started, and they pushed it to its peak.
 */
export const CHECKS_DEFER_ENV = 'DOWNSTREAM_CONTENT_CHECKS';

export interface ArticleCheckOptions {
  /** The built site. */
  out: string;
  base: string;
  contentDir: string;
  /** The project's cache directory: the facts of unchanged pages are read from it (checks/page-facts-cache.ts). */
  cacheDir?: string;
  log: { info: (message: string) => void; warn: (message: string) => void };
}

/**
 * The checks of the built article pages: links and #anchors that point nowhere, images without alt text, external
 * links without rel="noopener", remote images from hosts the CSP does not allow. Throws one error listing every
 * problem with its source file and line; leaves the output alone (the caller decides what a failure removes).
 */
export function checkBuiltArticles({ out, base, contentDir, cacheDir, log }: ArticleCheckOptions): void {
  const articlesDir = `${contentDir}/articles`;
  const started = performance.now();
  const site = indexDist(out, base);
  const articles = articleFiles(articlesDir);
  const { articles: imported } = relaxedPolicyArticles(contentDir);
  const idOf = (p: Problem) => p.file.replace(/^articles\//, '').replace(/\/index\.html$/, '');
  const allowedHosts = remoteImageHosts(contentDir);
  // Each page is read once; what it says about itself may come from the cache, what it links to is resolved here.
  const cache = factsCache(cacheDir);
  const facts = new Map<string, PageFacts>();
  const factsOf = (file: string) => {
    let f = facts.get(file);
    if (!f) facts.set(file, (f = cache.factsOf(file, readFileSync(join(out, file)))));
    return f;
  };
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = new Set(factsOf(file).ids)));
    return set;
  };
  const pages = site.htmlFiles.filter((f) => f.startsWith('articles/'));
  const all: Problem[] = [];
  // Every remote image host in use, listed on each build (the CSP allows content/remote-images.yaml).
  const inUse = new Map<string, number>();
  for (const file of pages) {
    const page = factsOf(file);
    const pageUrl = new URL(urlForFile(file, base), 'http://site.invalid');
    for (const link of page.links) {
      const found = linkProblem(site, pageUrl, link, idsOf);
      if (found) all.push({ ...found, file, line: link.line, target: link.raw, inContent: true });
    }
    for (const p of page.local) all.push({ ...p, file, inContent: true });
    all.push(...remoteImageProblems(file, page.remote, allowedHosts));
    for (const i of page.remote) inUse.set(i.host, (inUse.get(i.host) ?? 0) + 1);
  }
  cache.save();
  log.info(
    `checked links, anchors, images and external links of ${pages.length} article pages in ${Math.round(performance.now() - started)} ms (pages parsed: ${cache.misses}, facts from the cache: ${cache.hits})`,
  );
  if (inUse.size)
    log.info(
      `remote image hosts in use: ${[...inUse].map(([h, n]) => `${h} (${n})`).join(', ')}; allowed: ${allowedHosts.join(', ') || 'none'}`,
    );
  // The relaxed policy: legacy images without alt text in imported articles are listed, not fatal.
  const { failing: problems, relaxed: legacy } = splitByRelaxedPolicy(all, imported);
  if (legacy.length)
    log.warn(
      `${legacy.length} legacy image(s) without alt text in imported articles (relaxed policy; see content/imports/*/report.md):\n  ${legacy.map((p) => `${relative(process.cwd(), imported.get(idOf(p))?.file ?? p.file)}: ${p.message}`).join('\n  ')}`,
    );
  if (problems.length > 0) {
    const where = (p: Problem) => {
      const source = articles.get(idOf(p))?.[0];
      if (!source) return `dist/${p.file}:${p.line}`;
      // The line of the link as written (without the base path the build added), from the parsed source.
      const written = p.target ? [p.target.replace(base, '/').replace(/^\/\//, '/'), p.target] : [];
      const line = lineOfTarget(source, written);
      const rel = relative(process.cwd(), source);
      return `${rel && !rel.startsWith('..') ? rel : source}${line ? `:${line}` : ''}`;
    };
    throw new Error(
      `${problems.length} problem(s) in article content:\n${problems.map((p) => `  ${where(p)}: ${p.message}`).join('\n')}\n  see docs/writing.md#links-and-images`,
    );
  }
}
