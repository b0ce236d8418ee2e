import type { APIRoute, GetStaticPaths } from 'astro';
import { getDistros } from '../../../lib/content.ts';
import { buildNow } from '../../../lib/clock.ts';
import { apiFiles, apiJson } from '../../../lib/lifecycle-api.ts';
import { paths } from '../../../lib/urls.ts';

const PREFIX = paths.apiSchema().slice(0, paths.apiSchema().lastIndexOf('/') + 1);

/** The static JSON API (documented in docs/api.md): every file comes from apiFiles(), checked against its schema. */
export const getStaticPaths = (async () => {
  // getStaticPaths has no `site` argument; Astro exposes the configured site as import.meta.env.SITE.
  const files = apiFiles(await getDistros(), buildNow(), new URL(import.meta.env.SITE));
  return files.map((f) => {
    if (!f.path.startsWith(PREFIX)) throw new Error(`API file ${f.path} is outside ${PREFIX}`);
    return { params: { file: f.path.slice(PREFIX.length) }, props: { body: f.body } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(apiJson((props as { body: unknown }).body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
