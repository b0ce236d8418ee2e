import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, binary, nginxMainConf } from './servers.ts';

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
  const nginx = binary('nginx');
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
  else copyFileSync(join(ROOT, 'deploy/nginx/downstream.conf'), join(prefix, 'conf/downstream.conf'));
  if (httpConfig) writeFileSync(join(prefix, 'conf/downstream-maps.conf'), httpConfig);
  const mount = base.replace(/^\/|\/$/g, '');
  symlinkSync(dist, join(prefix, 'www', mount));
  writeFileSync(
    join(prefix, 'conf/nginx.conf'),
    nginxMainConf({
      prefix,
      port,
      root: join(prefix, 'www'),
      httpIncludes: httpConfig ? ['downstream-maps.conf'] : [],
    }),
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
