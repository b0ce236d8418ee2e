import { z } from 'astro/zod';

/** A calendar date written as YYYY-MM-DD (YAML may already have turned it into a Date). */
export const dateField = z.coerce.date({
  error: 'expected a date written as YYYY-MM-DD, e.g. 2024-06-30',
});

/** An absolute http(s) URL. */
export const httpUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'expected an absolute http(s) URL such as https://example.org/page',
});

/** A kebab-case identifier used in URLs. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lower-case letters, digits and hyphens, e.g. rocky-linux' });

export const nonEmpty = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

/** Where a fact comes from. Every article and every distribution lists its sources. */
export const sourceSchema = z.strictObject({
  title: nonEmpty('the source title'),
  url: httpUrl,
  publisher: nonEmpty('the publisher (organisation or project)'),
  date: dateField.optional(),
});

export type Source = z.infer<typeof sourceSchema>;
