/** The server configurations `npm run deploy:config` writes, by path under deploy/. */
import { apacheHtaccess, apacheVhost } from './apache.ts';
import { caddySiteBody, caddyfile } from './caddy.ts';
import { nginxLocations, nginxMaps, nginxSecuritySnippet } from './nginx.ts';
import type { HostPolicy } from './policy.ts';
import { cloudfrontFunction } from './s3.ts';

export function serverConfigFiles(policy: HostPolicy): Record<string, string> {
  return {
    'nginx/downstream.conf': nginxLocations(policy),
    'nginx/downstream-security-headers.conf': nginxSecuritySnippet(policy),
    // Only with WordPress ?p=<id> redirects: an http-level `map` (include it in `http { }`).
    ...(policy.queryRedirects.length ? { 'nginx/downstream-maps.conf': nginxMaps(policy) } : {}),
    'apache/downstream.conf': apacheVhost(policy),
    'apache/.htaccess': apacheHtaccess(policy),
    'caddy/downstream.caddy': caddySiteBody(policy),
    'caddy/Caddyfile': caddyfile(policy),
    'cloudfront/downstream-function.js': cloudfrontFunction(policy),
  };
}

/** The settings of the examples shipped in deploy/ (the e2e build's): regenerate with `npm run deploy:config`. */
export const EXAMPLE_DEPLOY = { site: 'https://downstream.example', base: '/downstream/' } as const;
