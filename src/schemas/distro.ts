import { z } from 'astro/zod';
import { dateField, httpUrl, nonEmpty, sourceSchema } from './common.ts';
import { FAMILY_IDS } from '../data/families.ts';

export const RELEASE_MODELS = ['fixed', 'rolling', 'semi-rolling'] as const;

/** The dated facts of a release that can each carry their own upstream source. */
export const RELEASE_DATE_FIELDS = ['released', 'supportEnd', 'eol', 'latest'] as const;

/** Where one date of a release comes from: the upstream page that states it, and when an editor last checked it. */
export const evidenceSchema = z.strictObject({
  url: httpUrl,
  verified: dateField,
  note: z.string().optional(),
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
    });
}
