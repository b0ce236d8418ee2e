// Checks a live deploy against the host description in src/integrations/host/ — the same checks the e2e host matrix runs.
//   npm run check:host -- https://example.org/downstream/ [--site https://example.org] [--dist dist] [--skip id,…]
// --site   the configured SITE_URL redirects must point to (default: the origin of the home page's canonical link)
// --dist   the build that was deployed: sample one file of every kind from it (default: files the home page links)
// --skip   check ids to leave out (page, canonical, cache, type, headers, not-found, redirect-*, host-files)
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkHost, formatResults } from '../src/integrations/host/check.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { site: { type: 'string' }, dist: { type: 'string' }, skip: { type: 'string' } },
});
const url = positionals[0];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: npm run check:host -- <url of the deployed site, e.g. https://example.org/downstream/>');
  process.exit(2);
}
if (values.dist && !existsSync(values.dist)) {
  console.error(`--dist ${values.dist}: no such folder`);
  process.exit(2);
}
const results = await checkHost({
  url,
  ...(values.site ? { site: values.site } : {}),
  ...(values.dist ? { dist: values.dist } : {}),
  skip: values.skip?.split(',').map((s) => s.trim()) ?? [],
});
console.log(formatResults(results));
process.exit(results.every((r) => r.ok) ? 0 : 1);
