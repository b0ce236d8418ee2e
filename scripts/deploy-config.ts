// Writes deploy/nginx/downstream-security-headers.conf from src/lib/security-headers.ts.
import { writeFileSync } from 'node:fs';
import { nginxSecuritySnippet } from '../src/lib/security-headers.ts';

writeFileSync(new URL('../deploy/nginx/downstream-security-headers.conf', import.meta.url), nginxSecuritySnippet());
console.log('wrote deploy/nginx/downstream-security-headers.conf');
