/**
 * Apache httpd 2.4: the same directives as a `.htaccess` to copy beside the build (needs `AllowOverride All` and
 * mod_headers, mod_rewrite, mod_mime) and as a `<Directory>` block for the virtual host (faster, no .htaccess).
 * The modules are required on purpose (no <IfModule>): a server without them must fail loudly, not serve the site
 * without its security headers.
 */
import * as host from './policy.ts';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** Directives valid both in `.htaccess` and in `<Directory>` of the build's folder (paths relative to it). */
export function apacheDirectives(policy: host.HostPolicy): string[] {
  const { base, site } = policy;
  const types = Object.entries(host.CONTENT_TYPES);
  const utf8 = types.filter(([, ct]) => ct.utf8).map(([ext]) => `.${ext}`);
  const immutable = `^${host.escapeRegExp(base)}${host.IMMUTABLE_DIRS_PATTERN}/`;
  return [
    'Options -Indexes -MultiViews',
    `DirectoryIndex ${host.DIRECTORY_INDEX}`,
    // Our rewrite below sends the canonical URL on the configured site; mod_dir's own would use the Host header.
    'DirectorySlash Off',
    `ErrorDocument 404 ${base}${host.NOT_FOUND_PAGE}`,
    'AddDefaultCharset Off',
    ...types.map(([ext, ct]) => `AddType ${ct.type} .${ext}`),
    `AddCharset utf-8 ${utf8.join(' ')}`,
    'AddOutputFilterByType DEFLATE text/html text/css text/javascript application/json application/xml text/calendar application/manifest+json image/svg+xml',
    '',
    '# Security headers on every response, redirects and errors included.',
    ...Object.entries(policy.headers).map(([k, v]) => `Header always set ${k} "${esc(v)}"`),
    '# Content-hashed files never change under their name; everything else revalidates.',
    `<If "%{REQUEST_URI} =~ m#${immutable}#">`,
    `    Header always set Cache-Control "${host.CACHE.immutable}"`,
    '</If>',
    '<Else>',
    `    Header always set Cache-Control "${host.CACHE.revalidate}"`,
    '</Else>',
    '',
    'RewriteEngine On',
    '# Files for other hosts are configuration, not content.',
    `RewriteRule ^${host.HOST_FILES_PATTERN}$ - [R=404,L]`,
    ...(policy.redirects.length > 0 ? ['# Legacy URLs of imported articles.'] : []),
    // The pattern sees the decoded path; the target is encoded already (NE: not again).
    ...policy.redirects.map(
      (r) => `RewriteRule ${host.quoted(`^${host.escapeRegExp(r.from.slice(base.length))}$`)} ${r.to} [R=301,L,NE]`,
    ),
    ...(policy.queryRedirects.length > 0
      ? ['# WordPress ?p=<id> links of imported articles (QSD: the old query string is not carried over).']
      : []),
    ...policy.queryRedirects.flatMap((q) => [
      `RewriteCond %{QUERY_STRING} (^|&)${q.param}=${q.value}(&|$)`,
      `RewriteRule ^(index\\.php)?$ ${q.to} [R=301,L,NE,QSD]`,
    ]),
    '# A directory without its trailing slash (the base path too): 301 to the canonical URL on the configured site.',
    `RewriteCond %{REQUEST_FILENAME}/${host.DIRECTORY_INDEX} -f`,
    'RewriteCond %{REQUEST_URI} !/$',
    `RewriteRule ^ ${site}%{REQUEST_URI}/ [R=301,L]`,
  ];
}

/**
 * The base path without its slash (`/downstream`) is a request for the folder itself, which mod_rewrite does not
 * see from inside it: this block belongs to the virtual host (apacheVhost includes it).
 */
export function apacheBaseRedirect(policy: host.HostPolicy): string[] {
  if (policy.base === '/') return [];
  return [
    `<LocationMatch "^${host.escapeRegExp(policy.base.slice(0, -1))}$">`,
    ...Object.entries(policy.headers).map(([k, v]) => `    Header always set ${k} "${esc(v)}"`),
    `    Header always set Cache-Control "${host.CACHE.revalidate}"`,
    `    Redirect 301 ${policy.site}${policy.base}`,
    '</LocationMatch>',
  ];
}

/** A `.htaccess` for the folder the build is copied to, where the vhost cannot be changed. */
export function apacheHtaccess(policy: host.HostPolicy): string {
  return [
    `# Downstream at ${policy.base} on Apache httpd 2.4, for ${policy.site}. Copy into the folder that holds the build.`,
    host.GENERATED_NOTE,
    '# Needs AllowOverride All (or the <Directory> block of deploy/apache/downstream.conf, which needs no .htaccess).',
    ...(policy.base === '/'
      ? []
      : [
          `# Under a subpath, also put the <LocationMatch "^${policy.base.slice(0, -1)}$"> block of that file in the vhost.`,
        ]),
    ...apacheDirectives(policy),
    '',
  ].join('\n');
}

/** A virtual-host snippet: the build's folder as a `<Directory>` (and an Alias under a subpath). */
export function apacheVhost(policy: host.HostPolicy, dir = '/srv/www/downstream'): string {
  const { base } = policy;
  const lines = [
    `# Downstream at ${base} on Apache httpd 2.4, for ${policy.site}. Include inside your <VirtualHost>; copy dist/`,
    `# to ${dir}. Needs mod_headers, mod_rewrite and mod_mime (a2enmod headers rewrite).`,
    host.GENERATED_NOTE,
    '',
    base === '/' ? `DocumentRoot "${dir}"` : `Alias "${base.slice(0, -1)}" "${dir}"`,
    ...apacheBaseRedirect(policy),
    `<Directory "${dir}">`,
    '    AllowOverride None',
    '    Require all granted',
    ...apacheDirectives(policy).map((l) => (l ? `    ${l}` : '')),
    '</Directory>',
    '',
  ];
  return lines.join('\n');
}
