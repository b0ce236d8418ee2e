import type { APIRoute } from 'astro';
import { getDistros } from '../../lib/content.ts';
import { buildNow } from '../../lib/clock.ts';
import { lifecycleSearchRecords, type LifecycleRecordsFile } from '../../lib/search/lifecycle-records.ts';

/**
 * The search records of every distribution hub and release row, from the validated distribution data. Build input
 * only: the Pagefind step (src/integrations/pagefind.ts) adds them to the index and removes this file from dist/.
 */
export const GET: APIRoute = async () => {
  const distros = (await getDistros()).map((d) => ({ id: d.id, ...d.data }));
  const doc: LifecycleRecordsFile = { version: 1, records: lifecycleSearchRecords(distros, buildNow()) };
  return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
