/**
 * A tiny static file server for a build directory, on 127.0.0.1 only. Serves files as they are (no compression:
 * compressed sizes are computed separately), directory URLs from index.html, 404.html with status 404.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.ics': 'text/calendar; charset=utf-8',
};

export interface StaticServer {
  url: string;
  port: number;
  requests: number;
  close(): Promise<void>;
}

/** Resolves a URL path inside root, or undefined if it would escape it. */
export function resolvePath(root: string, urlPath: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, p));
  const r = normalize(root).replace(/\/+$/, '');
  if (full !== r && !full.startsWith(r + sep)) return undefined;
  return full;
}

export function serveStatic(root: string, port = 0): Promise<StaticServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const urlPath = req.url ?? '/';
    const send404 = () => {
      const page = join(root, '404.html');
      res.writeHead(404, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache' });
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('not found');
    };
    let file = resolvePath(root, urlPath);
    if (!file) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!urlPath.split('?')[0]!.endsWith('/')) {
        res.writeHead(301, { location: `${urlPath.split('?')[0]}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return send404();
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      // Hashed assets could be immutable; a short max-age keeps warm runs realistic without surprises.
      'cache-control': 'public, max-age=600',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolve({
        url: `http://127.0.0.1:${p}`,
        port: p,
        get requests() {
          return requests;
        },
        close: () =>
          new Promise<void>((res) => {
            server.closeAllConnections();
            server.close(() => res());
          }),
      });
    });
  });
}
