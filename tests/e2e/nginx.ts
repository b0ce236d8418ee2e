import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface NginxSite {
  prefix: string;
  stop: () => void;
}

/**
 * Serves dist/ with Debian's nginx and the configuration shipped in deploy/nginx/, under `base`, on loopback.
 * The prefix directory mirrors /etc/nginx: nginx.conf, mime.types, snippets/, and the shipped site file.
 */
export function startNginx({
  port,
  base,
  dist = join(ROOT, 'dist'),
  locations,
  securitySnippet,
  httpConfig,
}: {
  port: number;
  base: string;
  dist?: string;
  /** The site's location file, when not the shipped deploy/nginx/downstream.conf (e.g. generated with redirects). */
  locations?: string;
  /** The security-headers snippet, when not the shipped one (e.g. generated for other image hosts). */
  securitySnippet?: string;
  /** http-level configuration (downstream-maps.conf: WordPress ?p=<id> redirects), included in `http { }`. */
  httpConfig?: string;
}): NginxSite {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!nginx) throw new Error('nginx is not installed: run `apt-get install -y nginx` (bash .ci/run does this)');
  const prefix = `/tmp/downstream-nginx-${port}`;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(join(prefix, 'conf/snippets'), { recursive: true });
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'www'));
  copyFileSync('/etc/nginx/mime.types', join(prefix, 'conf/mime.types'));
  if (securitySnippet) writeFileSync(join(prefix, 'conf/snippets/downstream-security-headers.conf'), securitySnippet);
  else
    copyFileSync(
      join(ROOT, 'deploy/nginx/downstream-security-headers.conf'),
      join(prefix, 'conf/snippets/downstream-security-headers.conf'),
    );
  if (locations) writeFileSync(join(prefix, 'conf/downstream.conf'), locations);
  if (httpConfig) writeFileSync(join(prefix, 'conf/downstream-maps.conf'), httpConfig);
  else copyFileSync(join(ROOT, 'deploy/nginx/downstream.conf'), join(prefix, 'conf/downstream.conf'));
  const mount = base.replace(/^\/|\/$/g, '');
  symlinkSync(dist, join(prefix, 'www', mount));
  writeFileSync(
    join(prefix, 'conf/nginx.conf'),
    `user root root;
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
${httpConfig ? '  include downstream-maps.conf;\n' : ''}  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${prefix}/www;
    disable_symlinks off;
    include downstream.conf;
  }
}
`,
  );
  const args = ['-p', prefix, '-c', 'conf/nginx.conf'];
  execFileSync(nginx, [...args, '-t', '-q'], { stdio: 'inherit' });
  execFileSync(nginx, args, { stdio: 'inherit' });
  return {
    prefix,
    stop: () => {
      try {
        execFileSync(nginx, [...args, '-s', 'stop'], { stdio: 'ignore' });
      } catch {
        /* already stopped */
      }
    },
  };
}
