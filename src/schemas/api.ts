/**
 * The contract of the static JSON API (/api/v1/): the documents the build writes and the JSON Schema it serves at
 * /api/v1/schema.json are both derived from these zod schemas, so the types, the build-time check and the published
 * schema cannot disagree. Field names of a release follow endoflife.date (cycle, releaseDate, support, eol, lts,
 * latest, latestReleaseDate, link, codename) so tools written for it can read ours.
 */
import { z } from 'astro/zod';
import { FAMILY_IDS } from '../data/families.ts';
import { RELEASE_MODELS } from './distro.ts';

/** Bumped only with a breaking change; additions keep the version. */
export const API_VERSION = 1;

const day = z.iso.date().describe('A calendar day, YYYY-MM-DD (UTC).');
const dayOrFalse = (what: string) =>
  z.union([day, z.literal(false)]).describe(`${what}, YYYY-MM-DD; false when the project has not published it.`);

export const apiSourceSchema = z
  .strictObject({
    url: z.url().describe('The upstream page that states this date.'),
    verified: day.optional().describe('The day an editor last checked the date against that page, once someone has.'),
    note: z.string().optional(),
  })
  .describe('Where one date comes from; for a date left out (false), the page and a note saying why.');

export const SUPPORT_STATUSES = ['upcoming', 'supported', 'security', 'eol'] as const;

export const apiReleaseSchema = z
  .strictObject({
    cycle: z.string().min(1).describe('The release cycle (major version), e.g. "24.04" or "9".'),
    codename: z.string().optional(),
    label: z.string().describe('Display name, e.g. "Ubuntu 24.04 LTS (Noble Numbat)".'),
    releaseDate: day.describe('The day the cycle was first released.'),
    support: dayOrFalse(
      'End of full support (bug fixes and security fixes); the end of life when no separate date is published',
    ),
    eol: dayOrFalse('End of life: the last day of any support, security fixes included'),
    lts: z.boolean().describe('True for a long-term support release.'),
    latest: z.string().nullable().describe('The latest point release of the cycle, e.g. "24.04.3"; null if unknown.'),
    latestReleaseDate: day.nullable().describe('The day the latest point release was published; null if unknown.'),
    link: z.url().describe('The row of this release in the Downstream lifecycle table.'),
    status: z
      .enum(SUPPORT_STATUSES)
      .describe('Status on the "generated" day: upcoming, supported, security (fixes only) or eol.'),
    sources: z
      .strictObject({
        releaseDate: apiSourceSchema.optional(),
        support: apiSourceSchema.optional(),
        eol: apiSourceSchema.optional(),
        latest: apiSourceSchema.optional(),
      })
      .describe('Per-date sources, keyed like the date fields; a date without an entry is sourced by "sources".'),
  })
  .describe('One release cycle of a distribution.');

export const apiDistributionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  family: z.enum(FAMILY_IDS),
  releaseModel: z.enum(RELEASE_MODELS).describe('fixed, rolling or semi-rolling; rolling ones have no cycles.'),
  website: z.url(),
  url: z.url().describe('The Downstream hub of this distribution.'),
  api: z.url().describe('This distribution document.'),
  cycles: z.url().describe('The releases alone as an endoflife.date-style array.'),
  calendar: z.url().nullable().describe('iCalendar of release and end dates (null when there are no releases).'),
  feeds: z
    .strictObject({ rss: z.url(), atom: z.url(), json: z.url() })
    .describe('Lifecycle-event feeds: a release, an end of full support, an end of life, each once it happened.'),
  sources: z
    .array(z.strictObject({ title: z.string(), url: z.url(), publisher: z.string() }))
    .describe('The pages the lifecycle facts come from.'),
  releases: z.array(apiReleaseSchema).describe('Newest first.'),
});

const header = {
  apiVersion: z.literal(API_VERSION),
  generated: day.describe('The build date every status is computed against.'),
  schema: z.url().describe('This JSON Schema.'),
};

export const apiIndexSchema = z
  .strictObject({ ...header, distributions: z.array(apiDistributionSchema).describe('Sorted by name.') })
  .describe('/api/v1/distributions.json: every distribution with its releases.');

export const apiDistributionDocumentSchema = apiDistributionSchema
  .extend(header)
  .describe('/api/v1/distributions/<id>.json: one distribution with its releases.');

export const apiCyclesSchema = z
  .array(apiReleaseSchema)
  .describe('/api/v1/distributions/<id>/cycles.json: the releases alone, newest first, as endoflife.date serves them.');

export type ApiRelease = z.infer<typeof apiReleaseSchema>;
export type ApiDistribution = z.infer<typeof apiDistributionSchema>;
export type ApiIndex = z.infer<typeof apiIndexSchema>;
export type ApiDistributionDocument = z.infer<typeof apiDistributionDocumentSchema>;

/** The JSON Schema (draft 2020-12) of every API document; a document is valid when it matches one of them. */
export function apiJsonSchema(id: string): Record<string, unknown> {
  const registry = z.registry<{ id: string; title: string }>();
  registry.add(apiSourceSchema, { id: 'source', title: 'Source' });
  registry.add(apiReleaseSchema, { id: 'release', title: 'Release' });
  registry.add(apiDistributionSchema, { id: 'distribution', title: 'Distribution' });
  registry.add(apiIndexSchema, { id: 'index', title: 'Index document' });
  registry.add(apiDistributionDocumentSchema, { id: 'distributionDocument', title: 'Distribution document' });
  registry.add(apiCyclesSchema, { id: 'cycles', title: 'Cycles document' });
  const root = z.union([apiIndexSchema, apiDistributionDocumentSchema, apiCyclesSchema]);
  const schema = z.toJSONSchema(root, { target: 'draft-2020-12', metadata: registry, io: 'output' });
  return {
    $schema: schema.$schema,
    $id: id,
    title: `Downstream lifecycle API, version ${API_VERSION}`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
