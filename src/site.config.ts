import { z } from 'astro/zod';
import { LANG, LOCALE } from './lib/locale.ts';

/** Everything about the publication that is not content. */
export const SITE = {
  name: 'Downstream',
  tagline: 'News and analysis about Linux distributions',
  description:
    'Downstream covers Linux distributions: releases, lifecycles, governance and the stories that connect them.',
  lang: LANG,
  /** Open Graph's form of the locale (en_GB). */
  locale: LOCALE.replace('-', '_'),
  pageSize: 12,
  feedSize: 30,
  /**
   * Where "Suggest a correction" on every article leads (validated by src/lib/corrections.ts; see README). Either
   * `{ email: 'corrections@…' }` (a mailto link with the article's title and URL filled in) or
   * `{ tracker: 'https://github.com/owner/repo/issues/new', urlParam: 'body', titleParam: 'title' }`.
   */
  corrections: { email: 'corrections@downstream.example' },
} as const;

const deployEnv = z.object({
  SITE_URL: z
    .url({
      protocol: /^https?$/,
      error: 'SITE_URL must be an absolute http(s) URL such as https://downstream.example',
    })
    .default('https://downstream.example'),
  BASE_PATH: z
    .string()
    .regex(/^\/([A-Za-z0-9._~-]+\/?)*$/, {
      error: 'BASE_PATH must start with "/" and contain only URL-safe path segments, e.g. /downstream',
    })
    .default('/'),
});

export interface DeployConfig {
  /** Origin the site is served from, without a trailing slash. */
  site: string;
  /** Base path, always with a leading and trailing slash ("/" or "/downstream/"). */
  base: string;
}

/** Reads and validates the deploy settings; throws with the variable and the fix. */
export function siteConfig(env: Record<string, string | undefined>): DeployConfig {
  const parsed = deployEnv.safeParse({
    SITE_URL: env.SITE_URL || undefined,
    BASE_PATH: env.BASE_PATH || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid deploy configuration:\n${lines.join('\n')}`);
  }
  const url = new URL(parsed.data.SITE_URL);
  const site = url.origin;
  const trimmed = parsed.data.BASE_PATH.replace(/^\/+|\/+$/g, '');
  const base = trimmed ? `/${trimmed}/` : '/';
  return { site, base };
}

/** Where editors' content lives. CONTENT_DIR builds another tree (test fixtures, a synthetic benchmark archive). */
export function contentDir(env: Record<string, string | undefined>): string {
  return env.CONTENT_DIR || './content';
}

/**
 * Astro's cache (content data store, optimised assets) for a content tree: the default tree keeps Astro's
 * default; another CONTENT_DIR gets its own, so fixture and benchmark builds never share a data store with the site.
 */
export function cacheDir(env: Record<string, string | undefined>): string {
  if (!env.CONTENT_DIR) return './node_modules/.astro';
  const key = env.CONTENT_DIR.replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(-60);
  return `./node_modules/.astro-${key}`;
}
