import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildNow } from '../lib/clock.ts';
import { articleFiles } from '../lib/article-files.ts';
import { parse as parseYaml } from 'yaml';
import { checkComponentUses, checkReleaseField, datesToReview, evidenceCounts } from '../lib/lifecycle-facts.ts';
import { readDistros } from '../lib/distro-files.ts';

/** The `release:` block of an article's front matter (the schema reports broken YAML; this only needs the block). */
function releaseOf(source: string): unknown {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!m) return undefined;
  try {
    return (parseYaml(m[1] ?? '') as { release?: unknown } | null)?.release;
  } catch {
    return undefined;
  }
}

/**
 * Lifecycle data at build start: an article whose lifecycle component names an unknown distribution or release (or
 * a date the database does not have) fails the build with the file, line and fix; dates never verified against
 * their source, or last verified more than six months ago, are listed as warnings (the same list is the editors'
 * page /editors/lifecycle-review/). Stale dates never fail a build: the data is still the best we have.
 */
export default function lifecycleData({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'downstream:lifecycle-data',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const distros = readDistros(`${contentDir}/distros`);
        const problems: string[] = [];
        for (const files of articleFiles(`${contentDir}/articles`).values()) {
          for (const file of files) {
            const source = readFileSync(file, 'utf8');
            const where = relative(process.cwd(), file);
            if (file.endsWith('.mdx')) problems.push(...checkComponentUses(where, source, distros));
            problems.push(...checkReleaseField(where, releaseOf(source), distros));
          }
        }
        if (problems.length) {
          throw new Error(`${problems.length} lifecycle component or release problem(s):\n  ${problems.join('\n  ')}`);
        }
        const now = buildNow();
        const review = datesToReview(distros, now);
        const counts = evidenceCounts(distros, now);
        if (review.length) {
          logger.warn(
            `${review.length} of ${counts.dates} lifecycle dates not verified in the last 6 months (listed on /editors/lifecycle-review/):\n  ${review
              .map((i) => `${i.file} ${i.version} ${i.field} ${i.value}: ${i.reason}`)
              .join('\n  ')}`,
          );
        } else {
          logger.info(`all ${counts.dates} lifecycle dates verified in the last 6 months`);
        }
      },
    },
  };
}
