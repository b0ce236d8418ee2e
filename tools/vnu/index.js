// The path of vnu.jar (the vnu-jar package's main export), resolved from this folder's own node_modules.
import { createRequire } from 'node:module';

export const vnuJar = createRequire(import.meta.url)('vnu-jar');
