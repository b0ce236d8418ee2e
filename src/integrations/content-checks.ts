import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDist } from '../lib/checks/dist-index.ts';
import { externalLinks, imageAlt, internalLinks, runChecks, type Problem } from '../lib/checks/rules.ts';
import { articleFiles, duplicateArticleUrls, lineOfTarget } from '../lib/checks/content-files.ts';

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
      'astro:build:start': () => {
        const dupes = duplicateArticleUrls(articlesDir);
        if (dupes.length) throw new Error(`Duplicate article URLs:\n  ${dupes.join('\n  ')}`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const site = indexDist(out, base);
        const articles = articleFiles(articlesDir);
        const problems = runChecks(site, [internalLinks, imageAlt, externalLinks], (file) =>
          file.startsWith('articles/'),
        ).filter((p) => p.inContent);
        if (problems.length > 0) {
          const where = (p: Problem) => {
            const id = p.file.replace(/^articles\//, '').replace(/\/index\.html$/, '');
            const source = articles.get(id)?.[0];
            if (!source) return `dist/${p.file}:${p.line}`;
            // The line of the link as written (without the base path the build added), from the parsed source.
            const written = p.target ? [p.target.replace(base, '/').replace(/^\/\//, '/'), p.target] : [];
            const line = lineOfTarget(source, written);
            const rel = relative(process.cwd(), source);
            return `${rel && !rel.startsWith('..') ? rel : source}${line ? `:${line}` : ''}`;
          };
          rmSync(out, { recursive: true, force: true });
          throw new Error(
            `${problems.length} problem(s) in article content:\n${problems.map((p) => `  ${where(p)}: ${p.message}`).join('\n')}\n  see docs/writing.md#links-and-images`,
          );
        }
        logger.info(
          `checked links, anchors, images and external links of ${site.htmlFiles.filter((f) => f.startsWith('articles/')).length} article pages in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
