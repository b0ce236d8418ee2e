/**
 * Legacy redirects: old URLs of imported articles that must keep working, as site paths without the base
 * ("/2019/05/old-story.html" → "/articles/old-story/"). Every host format in src/lib/host/ emits them.
 *
 * The contract is shared with the importer (issue #11), which fills this list from each imported article's recorded
 * original path. Keep it callable outside Astro (astro.config, scripts/deploy-config.ts, `npm run check:host`): read
 * files, never `astro:content`.
 */
export interface LegacyRedirect {
  /** The old path on this site, without the base path. */
  from: string;
  /** The canonical site path it moved to, without the base path. */
  to: string;
}

export function legacyRedirects(): LegacyRedirect[] {
  return [];
}
