/**
 * "Suggest a correction": where readers report an error in an article. The publication sets one channel in
 * src/site.config.ts (SITE.corrections): an email address, or the "new issue" page of an issue tracker. This module
 * validates the setting and builds the link for one article, with its title and address filled in.
 */
import { z } from 'astro/zod';

const WHERE = 'src/site.config.ts: SITE.corrections';

export const correctionsSchema = z.union(
  [
    z.strictObject({
      /** Readers write to this address; the subject and body name the article. */
      email: z.email({ error: 'email must be an address such as corrections@example.org' }),
    }),
    z.strictObject({
      /** The tracker's "new issue" page, e.g. https://github.com/owner/repo/issues/new. */
      tracker: z.url({
        protocol: /^https?$/,
        error: 'tracker must be an absolute http(s) URL such as https://github.com/owner/repo/issues/new',
      }),
      /** Query parameter that receives the article's URL (GitHub: "body"); without it the link is the bare page. */
      urlParam: z
        .string()
        .regex(/^[A-Za-z0-9_.[\]-]+$/, { error: 'urlParam is a query parameter name such as body' })
        .optional(),
      /** Query parameter that receives a suggested issue title (GitHub: "title"). */
      titleParam: z
        .string()
        .regex(/^[A-Za-z0-9_.[\]-]+$/, { error: 'titleParam is a query parameter name such as title' })
        .optional(),
    }),
  ],
  {
    error: 'set either { email: "…" } or { tracker: "https://…", urlParam?: "…", titleParam?: "…" }',
  },
);

export type CorrectionsSetting = z.infer<typeof correctionsSchema>;

/** Validates the setting; a bad value stops the build naming the setting, the field and the fix. */
export function parseCorrections(value: unknown): CorrectionsSetting {
  const parsed = correctionsSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${[WHERE, ...i.path].join('.')}: ${i.message}`);
    throw new Error(`Invalid "Suggest a correction" setting:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export interface CorrectionTarget {
  title: string;
  /** The article's absolute, canonical URL. */
  url: string;
}

/** The subject line (email) or issue title (tracker) for a correction to one article. */
export const correctionSubject = (article: CorrectionTarget) => `Correction: ${article.title}`;

/**
 * The link for one article. Email: mailto with the subject and a body that names the article, encoded as RFC 6068
 * asks (percent-encoding, CRLF line breaks, never "+" for a space). Tracker: the page with the article's URL (and a
 * title) in the query parameters the setting names.
 */
export function correctionHref(setting: CorrectionsSetting, article: CorrectionTarget): string {
  if ('email' in setting) {
    const body = [
      `Article: ${article.title}`,
      `Address: ${article.url}`,
      '',
      'What is wrong, and the source that shows it:',
      '',
    ].join('\r\n');
    const query = `subject=${encodeURIComponent(correctionSubject(article))}&body=${encodeURIComponent(body)}`;
    return `mailto:${setting.email}?${query}`;
  }
  const target = new URL(setting.tracker);
  if (setting.titleParam) target.searchParams.set(setting.titleParam, correctionSubject(article));
  if (setting.urlParam) target.searchParams.set(setting.urlParam, article.url);
  return target.href;
}

/** What the link says, and where it goes, for assistive technology and the page alike. */
export const CORRECTION_LABEL = 'Suggest a correction';
