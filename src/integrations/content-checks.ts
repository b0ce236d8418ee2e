import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDist } from './checks/dist-index.ts';
import { externalLinks, imageAlt, internalLinks, runChecks, type Problem } from './checks/rules.ts';
import { articleFiles } from '../lib/article-files.ts';
import { duplicateArticleUrls, lineOfTarget } from './checks/content-files.ts';
import { remoteImageHosts } from '../lib/remote-images.ts';
import { remoteImageCheck, remoteImagesIn } from './checks/remote-images.ts';
import { loadPage } from './checks/dist-index.ts';
import { RELAXED_GATES, relaxedGatesUsed, relaxedPolicyArticles, splitByRelaxedPolicy } from '../lib/imported.ts';

/**
 * Refuses to finish a build whose articles are broken: duplicate article URLs (before building), and after
 * building, links or #anchors in article bodies that point nowhere, images without alt text, external links
 * without rel="noopener". Each problem names the source file and line. A failed build leaves no dist/ behind.
 */
export default function contentChecks({ base, contentDir }: { base: string; contentDir: string }): AstroIntegration {
  const articlesDir = `${contentDir}/articles`;
  return {
    name: 'downstream:content-checks',
    hooks: {
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
          checkBuiltArticles({ out, base, contentDir, log: logger });
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
  log: { info: (message: string) => void; warn: (message: string) => void };
}

/**
 * The checks of the built article pages: links and #anchors that point nowhere, images without alt text, external
 * links without rel="noopener", remote images from hosts the CSP does not allow. Throws one error listing every
 * problem with its source file and line; leaves the output alone (the caller decides what a failure removes).
 */
export function checkBuiltArticles({ out, base, contentDir, log }: ArticleCheckOptions): void {
  const articlesDir = `${contentDir}/articles`;
  const started = performance.now();
  const site = indexDist(out, base);
  const articles = articleFiles(articlesDir);
  const { articles: imported } = relaxedPolicyArticles(contentDir);
  const idOf = (p: Problem) => p.file.replace(/^articles\//, '').replace(/\/index\.html$/, '');
  const allowedHosts = remoteImageHosts(contentDir);
  const all = runChecks(site, [internalLinks, imageAlt, externalLinks, remoteImageCheck(allowedHosts)], (file) =>
    file.startsWith('articles/'),
  ).filter((p) => p.inContent);
  // Every remote image host in use, listed on each build (the CSP allows content/remote-images.yaml).
  const inUse = new Map<string, number>();
  for (const file of site.htmlFiles.filter((f) => f.startsWith('articles/')))
    for (const i of remoteImagesIn(loadPage(site, file))) inUse.set(i.host, (inUse.get(i.host) ?? 0) + 1);
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
  log.info(
    `checked links, anchors, images and external links of ${site.htmlFiles.filter((f) => f.startsWith('articles/')).length} article pages in ${Math.round(performance.now() - started)} ms`,
  );
}
