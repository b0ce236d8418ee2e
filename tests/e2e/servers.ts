import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { apacheBaseRedirect, apacheHtaccess, apacheVhost } from '../../src/integrations/host/apache.ts';
import { caddySiteBody } from '../../src/integrations/host/caddy.ts';
import { nginxLocations, nginxMaps, nginxSecuritySnippet } from '../../src/integrations/host/nginx.ts';
import type { HostPolicy } from '../../src/integrations/host/policy.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export type ServerKind = 'nginx' | 'apache' | 'caddy';

export interface RunningServer {
  origin: string;
  stop: () => void;
}

/** Where each server's binary lives on Debian; `bash .ci/run` installs the packages. */
const BINARIES: Record<ServerKind, { paths: string[]; pkg: string }> = {
  nginx: { paths: ['/usr/sbin/nginx', '/usr/bin/nginx'], pkg: 'nginx' },
  apache: { paths: ['/usr/sbin/apache2'], pkg: 'apache2' },
  caddy: { paths: ['/usr/bin/caddy'], pkg: 'caddy' },
};

export function binary(kind: ServerKind): string {
  const found = BINARIES[kind].paths.find((p) => existsSync(p));
  if (!found) throw new Error(`${kind} is not installed: apt-get install -y ${BINARIES[kind].pkg} (bash .ci/run does)`);
  return found;
}

/** A fresh folder for one server; the build appears in www/ at the base path (a symlink, nothing is copied). */
function prepare(kind: ServerKind, port: number, base: string, dist: string | null) {
  const prefix = `/tmp/downstream-host-${kind}-${port}`;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const mount = base.replace(/^\/|\/$/g, '');
  if (mount) {
    mkdirSync(join(prefix, 'www'));
    if (dist) symlinkSync(dist, join(prefix, 'www', mount));
  } else if (dist) {
    symlinkSync(dist, join(prefix, 'www'));
  }
  const docroot = join(prefix, 'www');
  return { prefix, docroot, siteDir: mount ? join(docroot, mount) : docroot };
}

/** Resolves once the port accepts connections, or rejects with the server's log. */
async function waitForPort(port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((res) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server on port ${port} did not start:\n${log()}`);
}

const readLog = (path: string) => () => (existsSync(path) ? readFileSync(path, 'utf8') : '(no log)');

/**
 * Starts Debian's `kind` on 127.0.0.1:`port` serving `dist` under `policy.base` with the generated configuration.
 * `htaccess: true` (Apache only) serves with the generated `.htaccess` in the folder instead of the vhost `<Directory>`.
 */
export async function startServer(
  kind: ServerKind,
  {
    port,
    policy,
    dist = join(ROOT, 'dist'),
    htaccess = false,
  }: {
    port: number;
    policy: HostPolicy;
    dist?: string;
    htaccess?: boolean;
  },
): Promise<RunningServer> {
  const bin = binary(kind);
  const { prefix, docroot, siteDir } = prepare(kind, port, policy.base, htaccess ? null : dist);
  if (htaccess) {
    // The folder an operator copies the build into, with the generated .htaccess beside it (dist is shared).
    mkdirSync(siteDir, { recursive: true });
    for (const name of readdirSync(dist)) symlinkSync(join(dist, name), join(siteDir, name));
    writeFileSync(join(siteDir, '.htaccess'), apacheHtaccess(policy));
  }
  const origin = `http://127.0.0.1:${port}`;
  const log = join(prefix, 'logs/error.log');

  if (kind === 'nginx') {
    mkdirSync(join(prefix, 'conf/snippets'), { recursive: true });
    writeFileSync(join(prefix, 'conf/snippets/downstream-security-headers.conf'), nginxSecuritySnippet(policy));
    writeFileSync(join(prefix, 'conf/downstream.conf'), nginxLocations(policy));
    const maps = nginxMaps(policy); // WordPress ?p=<id> redirects, when the policy has any
    if (maps) writeFileSync(join(prefix, 'conf/downstream-maps.conf'), maps);
    writeFileSync(
      join(prefix, 'conf/nginx.conf'),
      nginxMainConf({ prefix, port, root: docroot, httpIncludes: maps ? ['downstream-maps.conf'] : [] }),
    );
    const args = ['-p', prefix, '-c', 'conf/nginx.conf'];
    run(bin, [...args, '-t', '-q']);
    run(bin, args);
    await waitForPort(port, readLog(log));
    return { origin, stop: () => quietly(() => execFileSync(bin, [...args, '-s', 'stop'], { stdio: 'ignore' })) };
  }

  if (kind === 'apache') {
    const mods = ['mpm_event', 'authz_core', 'mime', 'headers', 'rewrite', 'dir', 'alias', 'filter', 'deflate'];
    const site = htaccess
      ? [
          policy.base === '/' ? `DocumentRoot "${siteDir}"` : `DocumentRoot "${docroot}"`,
          `<Directory "${siteDir}">`,
          '    AllowOverride All',
          '    Require all granted',
          '</Directory>',
          ...apacheBaseRedirect(policy),
        ].join('\n')
      : apacheVhost(policy, siteDir) + (policy.base === '/' ? '' : `DocumentRoot "${docroot}"\n`);
    const conf = join(prefix, 'httpd.conf');
    writeFileSync(
      conf,
      `${mods.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
ServerRoot "${prefix}"
DefaultRuntimeDir "${prefix}"
PidFile "${prefix}/httpd.pid"
Mutex file:${prefix} default
ErrorLog "${log}"
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
User www-data
Group www-data
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
TypesConfig /dev/null
${site}
`,
    );
    run(bin, ['-f', conf, '-t']);
    run(bin, ['-f', conf, '-k', 'start']);
    await waitForPort(port, readLog(log));
    return { origin, stop: () => quietly(() => execFileSync(bin, ['-f', conf, '-k', 'stop'], { stdio: 'ignore' })) };
  }

  writeFileSync(join(prefix, 'downstream.caddy'), caddySiteBody(policy));
  writeFileSync(
    join(prefix, 'Caddyfile'),
    `{
\tadmin off
\tauto_https off
\tstorage file_system ${prefix}/data
}
http://:${port} {
\tbind 127.0.0.1
\troot * ${docroot}
\timport ${prefix}/downstream.caddy
}
`,
  );
  const env = { ...process.env, HOME: prefix, XDG_DATA_HOME: prefix, XDG_CONFIG_HOME: prefix };
  const caddyArgs = ['run', '--config', join(prefix, 'Caddyfile'), '--adapter', 'caddyfile'];
  run(bin, ['validate', ...caddyArgs.slice(1)], env);
  const child = spawn(bin, caddyArgs, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  await waitForPort(port, () => stderr);
  return { origin, stop: () => quietly(() => child.kill('SIGTERM')) };
}

/**
 * The nginx.conf of a test server in `prefix` (the folder mirrors /etc/nginx: conf/nginx.conf, conf/mime.types,
 * conf/snippets/, conf/downstream.conf, the site file it includes; logs/error.log). Debian's nginx, started as
 * root: workers run as root too, so they can read a build anywhere.
 */
export function nginxMainConf({
  prefix,
  port,
  root,
  httpIncludes = [],
}: {
  prefix: string;
  port: number;
  root: string;
  /** Files in conf/ to include at http level (nginx allows `map` only there), e.g. downstream-maps.conf. */
  httpIncludes?: readonly string[];
}): string {
  return `user root root;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  default_type application/octet-stream;
  sendfile on;
${httpIncludes.map((f) => `  include ${f};\n`).join('')}  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${root};
    disable_symlinks off;
    include downstream.conf;
  }
}
`;
}

/** execFileSync with the program's own error output in the exception, not a byte dump. */
function run(bin: string, args: string[], env?: NodeJS.ProcessEnv): void {
  try {
    execFileSync(bin, args, { stdio: 'pipe', env });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}`);
  }
}

function quietly(fn: () => void) {
  try {
    fn();
  } catch {
    /* already stopped */
  }
}
