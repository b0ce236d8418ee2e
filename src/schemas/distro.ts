import { z } from 'astro/zod';
import { dateField, httpUrl, nonEmpty, sourceSchema } from './common.ts';
import { FAMILY_IDS } from '../data/families.ts';

export const RELEASE_MODELS = ['fixed', 'rolling', 'semi-rolling'] as const;

/** The dated facts of a release that can each carry their own upstream source. */
export const RELEASE_DATE_FIELDS = ['released', 'supportEnd', 'eol', 'latest'] as const;

/**
 * Where one date of a release comes from: the upstream page that states it (`url`), the day an editor last checked
 * the date against that page or a faithful copy of it (`verified`, left out until someone has), and a `note` for
 * anything a reader of the data needs to know: which copy was checked, a day-of-month convention, or why
 * endoflife.date says something else (the compare tool counts a difference as explained when the note of that date
 * mentions endoflife.date).
 */
export const evidenceSchema = z.strictObject({
  url: httpUrl,
  verified: dateField.optional(),
  note: z.string().trim().min(1).optional(),
});

/** Releases a distribution published that the database deliberately does not list, and why. */
export const unlistedSchema = z.strictObject({
  versions: z.array(z.string().min(1)).min(1),
  note: nonEmpty('the reason these releases are not listed'),
});

export const releaseSchema = z
  .strictObject({
    version: z.string({ error: 'expected the version as a quoted string, e.g. "9" or "24.04"' }).min(1),
    codename: z.string().optional(),
    released: dateField,
    supportEnd: dateField.optional(),
    eol: dateField.optional(),
    lts: z.boolean().optional(),
    /** The latest point release of this cycle (e.g. "12.12") and the day it was published. */
    latest: z.string().min(1).optional(),
    latestDate: dateField.optional(),
    /** Per-date sources: `evidence.supportEnd` is the page that states `supportEnd`, and so on. */
    evidence: z.partialRecord(z.enum(RELEASE_DATE_FIELDS), evidenceSchema).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.supportEnd && r.supportEnd < r.released) {
      ctx.addIssue({ code: 'custom', path: ['supportEnd'], message: 'supportEnd is before the release date' });
    }
    if (r.eol && r.eol < r.released) {
      ctx.addIssue({ code: 'custom', path: ['eol'], message: 'eol is before the release date' });
    }
    for (const field of RELEASE_DATE_FIELDS) {
      if (r[field] !== undefined && !r.evidence?.[field]) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', field],
          message: `${field} has no source: add evidence.${field} with the url of the upstream page that states it (and verified: YYYY-MM-DD once checked)`,
        });
      }
      // Evidence for a date we leave out is allowed only to say why (e.g. the page that does not publish it).
      if (r[field] === undefined && r.evidence?.[field] && !r.evidence[field].note) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', field],
          message: `evidence.${field} is given but the release has no ${field}: add the date, or a note saying why it is left out`,
        });
      }
    }
    if (r.latestDate && !r.latest) {
      ctx.addIssue({
        code: 'custom',
        path: ['latestDate'],
        message: 'latestDate needs latest (the point release it dates)',
      });
    }
    if (r.latestDate && r.latestDate < r.released) {
      ctx.addIssue({ code: 'custom', path: ['latestDate'], message: 'latestDate is before the release date' });
    }
    if (r.eol && r.supportEnd && r.eol < r.supportEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['eol'],
        message: 'eol (end of all support) is before supportEnd (end of full support): swap or correct them',
      });
    }
  });

export type Release = z.infer<typeof releaseSchema>;

export function distroSchema<Ref extends z.ZodType>(distroRef: Ref) {
  return z
    .strictObject({
      name: nonEmpty('the distribution name'),
      family: z.enum(FAMILY_IDS, { error: `expected one of: ${FAMILY_IDS.join(', ')}` }),
      description: nonEmpty('a one- or two-sentence description'),
      basedOn: z.array(distroRef).default([]),
      rebuiltFrom: distroRef.optional(),
      upstream: distroRef.optional(),
      sponsor: nonEmpty('the sponsor or owner'),
      governance: z.string().optional(),
      releaseModel: z.enum(RELEASE_MODELS, { error: `expected one of: ${RELEASE_MODELS.join(', ')}` }),
      releaseModelNote: z.string().optional(),
      website: httpUrl,
      releases: z.array(releaseSchema).default([]),
      /** Published releases left out on purpose (e.g. ended before the database's scope), so comparisons can tell. */
      unlisted: z.array(unlistedSchema).default([]),
      sources: z.array(sourceSchema).min(1, { error: 'list the lifecycle page or announcements the facts come from' }),
    })
    .superRefine((d, ctx) => {
      const seen = new Set<string>();
      d.releases.forEach((r, i) => {
        if (seen.has(r.version)) {
          ctx.addIssue({
            code: 'custom',
            path: ['releases', i, 'version'],
            message: `version "${r.version}" is listed twice`,
          });
        }
        seen.add(r.version);
      });
      d.unlisted.forEach((u, i) =>
        u.versions.forEach((v, j) => {
          if (seen.has(v)) {
            ctx.addIssue({
              code: 'custom',
              path: ['unlisted', i, 'versions', j],
              message: `version "${v}" is both listed in releases and unlisted: remove one`,
            });
          }
        }),
      );
    });
}
