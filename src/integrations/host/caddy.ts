/**
 * Caddy 2: directives to `import` inside a site block whose `root` holds the build (at the base path), and an
 * example Caddyfile around them.
 */
import * as host from './policy.ts';

const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

/** The site-block body. Caddy orders directives itself (header before redir before file_server). */
export function caddySiteBody(policy: host.HostPolicy): string {
  const { base, site } = policy;
  const b = host.escapeRegExp(base);
  const scope = base === '/' ? '/*' : `${base.slice(0, -1)} ${base}*`;
  const immutable = `^${b}${host.IMMUTABLE_DIRS_PATTERN}/`;
  const securityHeaders = Object.entries(policy.headers).map(([k, v]) => `\t${k} ${q(v)}`);
  const lines = [
    `# Downstream at ${base} on Caddy 2, for ${site}. Import inside your site block, after \`root * <folder>\``,
    base === '/'
      ? '# where the folder is the build itself.'
      : `# where the folder holds the build as ${base.slice(1, -1)}/.`,
    host.GENERATED_NOTE,
    '',
    '# Security headers on every response under the base, redirects and errors included.',
    `@downstream path ${scope}`,
    'header @downstream {',
    ...securityHeaders,
    '}',
    `@downstream_immutable path_regexp ${immutable}`,
    `header @downstream_immutable Cache-Control ${q(host.CACHE.immutable)}`,
    '@downstream_revalidate {',
    `\tpath ${scope}`,
    `\tnot path_regexp ${immutable}`,
    '}',
    `header @downstream_revalidate Cache-Control ${q(host.CACHE.revalidate)}`,
    ...Object.entries(host.CONTENT_TYPES).flatMap(([ext, ct]) => [
      `@downstream_type_${ext} {`,
      `\tpath *.${ext}`,
      `\tpath_regexp ^${b}`,
      '}',
      `header @downstream_type_${ext} Content-Type ${q(host.contentTypeHeader(ct))}`,
    ]),
    '',
    '# Files for other hosts are configuration, not content.',
    `@downstream_hostfiles path ${host.HOST_FILES.map((f) => base + f).join(' ')}`,
    'error @downstream_hostfiles 404',
    '',
    ...(policy.redirects.length > 0 ? ['# Legacy URLs of imported articles.'] : []),
    ...policy.redirects.map((r) => `redir ${host.quoted(r.from)} ${r.to} 301`),
    ...(policy.queryRedirects.length > 0 ? ['# WordPress ?p=<id> links of imported articles.'] : []),
    ...policy.queryRedirects.flatMap((q) => [
      `@downstream_wp_${q.param}_${q.value} {`,
      `\tpath ${base} ${base}index.php`,
      `\tquery ${q.param}=${q.value}`,
      '}',
      `redir @downstream_wp_${q.param}_${q.value} ${q.to} 301`,
    ]),
    '# A directory without its trailing slash: 301 to the canonical URL on the configured site.',
    '@downstream_directory {',
    `\tpath_regexp ^${host.escapeRegExp(base.slice(0, -1))}(/.*[^/])?$`,
    `\tfile {path}/${host.DIRECTORY_INDEX}`,
    '}',
    `redir @downstream_directory ${site}{path}/ 301`,
    '',
    'encode gzip',
    'file_server',
    '',
    '# Unknown URLs: the 404 page with status 404, the headers again (an error response starts afresh).',
    'handle_errors {',
    '\t@downstream_404 expression "{err.status_code} == 404"',
    '\thandle @downstream_404 {',
    `\t\trewrite * ${base}${host.NOT_FOUND_PAGE}`,
    '\t\theader {',
    ...securityHeaders.map((l) => `\t${l}`),
    `\t\t\tCache-Control ${q(host.CACHE.revalidate)}`,
    `\t\t\tContent-Type ${q(host.contentTypeHeader(host.CONTENT_TYPES.html!))}`,
    '\t\t}',
    '\t\tfile_server',
    '\t}',
    '}',
    '',
  ];
  return lines.join('\n');
}

/** An example Caddyfile serving the site on its configured host name (Caddy obtains the certificate). */
export function caddyfile(policy: host.HostPolicy, root = '/srv/www'): string {
  return [`${new URL(policy.site).host} {`, `\troot * ${root}`, '\timport downstream.caddy', '}', ''].join('\n');
}
