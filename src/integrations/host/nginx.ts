/** nginx: a `location` file to include in a `server { }` block, plus the security-headers snippet it includes. */
import * as host from './policy.ts';

export const NGINX_SNIPPET = 'snippets/downstream-security-headers.conf';

/** Header lines for every response; nginx drops a parent's add_header where a block adds its own, so each repeats. */
export function nginxSecuritySnippet(policy: Pick<host.HostPolicy, 'headers'>): string {
  return [
    '# Security headers for every Downstream response. Install as snippets/downstream-security-headers.conf beside nginx.conf.',
    '# Generated from src/integrations/host/ by `npm run deploy:config`; a unit test keeps the two in step.',
    ...Object.entries(policy.headers).map(([k, v]) => `add_header ${k} "${v}" always;`),
    '',
  ].join('\n');
}

const q = (s: string) => `"${s}"`;

/** The variable the query-string map sets (nginxMaps) and the site's locations read. */
export const NGINX_QUERY_VARIABLE = '$downstream_wordpress_post';

/**
 * http-level configuration (nginx allows `map` only there): WordPress `?p=<id>` links of imported articles → the
 * article URL. Empty when there are none; include it in `http { }` when it is not.
 */
export function nginxMaps(policy: host.HostPolicy): string {
  if (!policy.queryRedirects.length) return '';
  return [
    '# WordPress ?p=<id> links of imported articles. Include inside `http { }` (nginx allows `map` only there); the',
    '# site file (downstream.conf) reads the variable. Generated from src/integrations/host/ by `npm run deploy:config`.',
    `map $arg_p ${NGINX_QUERY_VARIABLE} {`,
    '    default "";',
    ...policy.queryRedirects.map((q) => `    ${q.value} ${q.to};`),
    '}',
    '',
  ].join('\n');
}

/** The site's `location` blocks for `policy.base`. */
export function nginxLocations(policy: host.HostPolicy): string {
  const { base, site } = policy;
  const headers = (cache: string, indent: string) =>
    [`add_header Cache-Control ${q(cache)} always;`, `include ${NGINX_SNIPPET};`].map((l) => indent + l);
  const b = host.escapeRegExp(base);
  const types = Object.entries(host.CONTENT_TYPES).map(([ext, ct]) => `        ${ct.type} ${ext};`);
  const charsetTypes = [
    ...new Set(
      Object.values(host.CONTENT_TYPES)
        .filter((c) => c.utf8)
        .map((c) => c.type),
    ),
  ];
  const lines = [
    `# Downstream at ${base} on nginx, for ${site}. Include inside your \`server { }\` block, whose \`root\` holds the`,
    base === '/'
      ? '# build itself (root /srv/www/downstream; with dist/ copied there).'
      : `# build as ${base.slice(1, -1)}/ (root /srv/www; with dist/ copied to /srv/www/${base.slice(1, -1)}).`,
    host.GENERATED_NOTE,
    '',
  ];
  if (base !== '/') {
    lines.push(
      '# The base path without its slash: 301 to the canonical URL on the configured site.',
      `location = ${base.slice(0, -1)} {`,
      ...headers(host.CACHE.revalidate, '    '),
      `    return 301 ${site}${base};`,
      '}',
      '',
    );
  }
  lines.push(
    `location ${base} {`,
    '    default_type application/octet-stream;',
    '    types {',
    ...types,
    '    }',
    '    charset utf-8;',
    // text/html is in charset_types already; naming it again is a warning.
    `    charset_types ${charsetTypes.filter((t) => t !== 'text/html').join(' ')};`,
    '    gzip on;',
    `    gzip_types ${charsetTypes.filter((t) => t !== 'text/html').join(' ')} image/svg+xml;`,
    '    etag on;',
    `    error_page 404 ${base}${host.NOT_FOUND_PAGE};`,
    '    # HTML, feeds and Pagefind entry files revalidate so readers see new coverage at once.',
    ...headers(host.CACHE.revalidate, '    '),
    '',
    '    # A directory without its trailing slash: 301 to the canonical URL on the configured site, never a duplicate',
    "    # page, and never a Location built from the request's Host header.",
    `    if (-f $request_filename/${host.DIRECTORY_INDEX}) {`,
    `        rewrite ^(.*[^/])$ ${site}$1/ permanent;`,
    '    }',
    '    try_files $uri =404;',
    '',
    '    # Files for other hosts (Netlify, Cloudflare, Apache) are configuration, not content.',
    `    location ~ ^${b}${host.HOST_FILES_PATTERN}$ {`,
    '        return 404;',
    '    }',
    '    # Content-hashed files never change under their name: cache for a year.',
    `    location ~ ^${b}${host.IMMUTABLE_DIRS_PATTERN}/ {`,
    ...headers(host.CACHE.immutable, '        '),
    '        try_files $uri =404;',
    '    }',
    ...(policy.queryRedirects.length
      ? [
          '    # WordPress ?p=<id> links (the map of downstream-maps.conf): 301 to the article, else the home page.',
          `    location ~ ^${b}(index\\.php)?$ {`,
          `        if (${NGINX_QUERY_VARIABLE}) {`,
          `            return 301 ${NGINX_QUERY_VARIABLE};`,
          '        }',
          ...headers(host.CACHE.revalidate, '        '),
          `        try_files \${uri}${host.DIRECTORY_INDEX} =404;`,
          '    }',
        ]
      : []),
    `    # Directory URLs serve their ${host.DIRECTORY_INDEX}.`,
    '    location ~ /$ {',
    `        try_files \${uri}${host.DIRECTORY_INDEX} =404;`,
    '    }',
  );
  for (const r of policy.redirects) {
    lines.push(
      `    location = ${host.quoted(r.from)} {`,
      ...headers(host.CACHE.revalidate, '        '),
      `        return 301 ${r.to};`,
      '    }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}
