// Removes build output before a build, so a failed build never leaves an older or partial dist/ to deploy.
import { rmSync } from 'node:fs';
for (const dir of process.argv.slice(2)) rmSync(dir, { recursive: true, force: true });
