import { z } from 'astro/zod';
import { dateField, httpUrl, nonEmpty, sourceSchema } from './common.ts';
import { curlyQuotes } from '../lib/typography.ts';

export const ARTICLE_TYPES = ['news', 'analysis', 'guide', 'opinion'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** Id validators for the collections an article points at (Astro's `reference()` in the build). */
export interface ArticleRefs<Ref extends z.ZodType> {
  authors: Ref;
  distros: Ref;
  topics: Ref;
  series: Ref;
}

/**
 * Front matter of an article. Built from reference validators so the same schema runs in the build (with
 * Astro's `reference()`) and in unit tests (with a fixed set of ids).
 */
export interface ArticleSchemaOptions {
  /** The build clock: a pubDate after it must be marked `scheduled: true`, so a mistyped year cannot hide an article. */
  now: Date;
}

/**
 * Provenance of an article brought in by `npm run import` (see docs/importing.md). Only the importer writes it;
 * the build refuses it on any article the import manifest does not list (src/lib/imported.ts).
 */
export const importedSchema = z.strictObject({
  from: z.enum(['wordpress', 'jekyll', 'hugo'], { error: 'expected wordpress, jekyll or hugo' }),
  /** The original URL, when the old site's address is known. */
  url: httpUrl.optional(),
  /** Old site paths (root-relative) that now redirect here. */
  paths: z.array(z.string().regex(/^\/[^\s]*$/, { error: 'an old path starts with / and has no spaces' })).default([]),
  /** The WordPress post id: old links of the form /?p=<id> redirect here where the host can match query strings. */
  wordpressId: z.int({ error: 'wordpressId is the WordPress post id, a whole number' }).positive().optional(),
  /** The original author's name, credited on the page. */
  author: nonEmpty('the original author name').optional(),
  /** The licence the source stated, if any. */
  licence: nonEmpty('the licence').optional(),
  /** The day of the import. */
  on: dateField,
  /** Hash of the file as the importer wrote it: a re-import leaves an edited article alone. */
  hash: z.string().regex(/^[0-9a-f]{16}$/, { error: 'hash is written by the importer; do not edit it' }),
});

export function articleSchema<Ref extends z.ZodType, Img extends z.ZodType>(
  refs: ArticleRefs<Ref>,
  image: Img,
  { now }: ArticleSchemaOptions,
) {
  return z
    .strictObject({
      // Headline and dek are shown beside the body, whose quotes are typographic: theirs are made so too.
      title: nonEmpty('a headline')
        .max(140, { error: 'headline is longer than 140 characters: shorten it' })
        .transform(curlyQuotes),
      description: nonEmpty('a dek (one or two sentences)')
        .max(300, {
          error: 'dek is longer than 300 characters: keep it to one or two sentences',
        })
        .transform(curlyQuotes),
      pubDate: dateField,
      updatedDate: dateField.optional(),
      authors: z.array(refs.authors).min(1, { error: 'name at least one desk from content/authors/' }),
      distros: z.array(refs.distros),
      topics: z.array(refs.topics),
      type: z.enum(ARTICLE_TYPES, { error: `expected one of: ${ARTICLE_TYPES.join(', ')}` }),
      series: refs.series.optional(),
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      scheduled: z.boolean({ error: 'expected true or false' }).default(false),
      hero: z
        .strictObject({
          src: image,
          alt: nonEmpty('alt text describing the image for readers who cannot see it'),
        })
        .optional(),
      sources: z.array(sourceSchema),
      updates: z.array(z.strictObject({ date: dateField, note: nonEmpty('a note saying what changed') })).default([]),
      imported: importedSchema.optional(),
      /**
       * The one release a release-news article is about: the article shows a facts box read from the distribution
       * database (content/distros/<distro>.yaml). The build checks that the release exists (src/lib/lifecycle-facts.ts).
       */
      release: z
        .strictObject({
          distro: refs.distros,
          version: z.string({ error: 'expected the version as a quoted string, e.g. "44" or "24.04"' }).min(1),
        })
        .optional(),
    })
    .superRefine((a, ctx) => {
      // Gates for new writing; imported articles get listed warnings instead (RELAXED_GATES in src/lib/imported.ts).
      if (!a.imported) {
        if (a.description.length < 50)
          ctx.addIssue({
            code: 'custom',
            path: ['description'],
            message: 'dek is shorter than 50 characters: write one or two full sentences',
          });
        if (a.distros.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['distros'],
            message: 'name at least one distribution from content/distros/',
          });
        if (a.topics.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['topics'],
            message: 'name at least one topic from content/topics.yaml',
          });
        if (a.sources.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['sources'],
            message: 'list at least one source: every fact must be traceable to one',
          });
      }
      // The generic reference validator hides the id type; both sides are the ids written in the front matter.
      const release = a.release as { distro: unknown } | undefined;
      if (release && !(a.distros as unknown[]).includes(release.distro)) {
        ctx.addIssue({
          code: 'custom',
          path: ['release', 'distro'],
          message: `release.distro "${String(release.distro)}" is not one of the article's distros: add it to distros, or correct release.distro`,
        });
      }
      if (a.pubDate > now && !a.scheduled && !a.draft) {
        ctx.addIssue({
          code: 'custom',
          path: ['pubDate'],
          message: `pubDate ${a.pubDate.toISOString().slice(0, 10)} is in the future: set scheduled: true to publish it on that date, or correct the date`,
        });
      }
      if (a.updatedDate && a.updatedDate < a.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: 'updatedDate is before pubDate: it must be the same day or later',
        });
      }
      a.updates.forEach((u, i) => {
        if (u.date < a.pubDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['updates', i, 'date'],
            message: 'an update cannot be dated before the article was published (pubDate)',
          });
        }
      });
    });
}

/**
 * An article schema built once (hero.src a plain string) followed by the entry's own image() schema for hero.src:
 * the same output and the same issues (at hero.src) as articleSchema(refs, image(), …), without building and
 * compiling the whole schema for every entry.
 */
export function withEntryImage<S extends z.ZodType<{ hero?: { src: string; alt: string } }>, Img extends z.ZodType>(
  shared: S,
  image: Img,
) {
  return shared.transform(async (article, ctx) => {
    type Out = Omit<z.output<S>, 'hero'> & { hero?: { src: z.output<Img>; alt: string } };
    if (!article.hero) return article as Out;
    const src = await image.safeParseAsync(article.hero.src);
    if (!src.success) {
      for (const issue of src.error.issues)
        ctx.addIssue({ ...issue, path: ['hero', 'src', ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    }
    return { ...article, hero: { ...article.hero, src: src.data } } as Out;
  });
}
