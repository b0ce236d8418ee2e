/**
 * Props schemas of the MDX components that validate their props (a wrong prop in an article fails the build with
 * the fix). They live here, not in the components' frontmatter: frontmatter runs on every render, and Zod builds and
 * compiles a schema again each time it is created (about 0.2 s per 1,000 articles).
 */
import { z } from 'astro/zod';
import { END_FIELDS } from '../../lib/lifecycle-facts.ts';
import { releaseProps } from './lifecycle-props.ts';
import { curlyQuotes } from '../../lib/typography.ts';

export const calloutProps = z.object({
  type: z
    .enum(['note', 'important', 'warning'], { error: 'Callout type must be note, important or warning' })
    .default('note'),
  // A callout's title is a prop, not Markdown: its quotes are made typographic here, as the body's are.
  title: z.string().transform(curlyQuotes).optional(),
});

export const timelineEntryProps = z
  .object({
    date: z.iso.date({ error: 'TimelineEntry date must be written as YYYY-MM-DD' }).optional(),
    distro: z.string().min(1).optional(),
    release: z.string({ error: 'TimelineEntry release must be a quoted string, e.g. release="12"' }).optional(),
    field: z
      .enum(['released', 'supportEnd', 'eol'], { error: 'TimelineEntry field must be released, supportEnd or eol' })
      .optional(),
    title: z.string().min(1, { error: 'TimelineEntry needs a title' }),
  })
  .refine((p) => (p.date === undefined) !== (p.distro === undefined && p.release === undefined), {
    error: 'TimelineEntry needs either date="YYYY-MM-DD" or distro, release and field (not both)',
  });

export const endsInProps = releaseProps.extend({
  field: z.enum(END_FIELDS, { error: 'EndsIn field must be "eol" or "supportEnd"' }).default('eol'),
});
