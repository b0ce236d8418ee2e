// Writes the server configurations (nginx, Apache vhost, Caddy) from the host description in src/integrations/host/.
//   npm run deploy:config                   the examples in deploy/ (SITE_URL=https://downstream.example,
//                                           BASE_PATH=/downstream, no legacy redirects); a unit test keeps them in step
//   npm run deploy:config -- --out <dir>    yours: SITE_URL and BASE_PATH from the environment, legacy redirects
//                                           from src/lib/redirects.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXAMPLE_DEPLOY, serverConfigFiles } from '../src/integrations/host/files.ts';
import { hostPolicy } from '../src/integrations/host/policy.ts';
import { siteConfig } from '../src/site.config.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ? resolve(values.out) : resolve(import.meta.dirname, '../deploy');
const policy = values.out
  ? hostPolicy(siteConfig(process.env))
  : hostPolicy({ ...EXAMPLE_DEPLOY, redirects: [], queryRedirects: [] });
for (const [path, text] of Object.entries(serverConfigFiles(policy))) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
  console.log(`wrote ${join(out, path)}`);
}
console.log(
  `for ${policy.site}${policy.base} with ${policy.redirects.length} legacy redirects and ${policy.queryRedirects.length} WordPress ?p=<id> redirects`,
);
