/**
 * `npm run api:compile -- <openapi.json>`: do this app's components compile against hooks
 * generated from ANOTHER service's document? The guide's workflow is the same for any backend:
 * `npm test` runs it with examples/fastapi-service's committed document, proving that pointing
 * `api:generate` at the FastAPI service (port 8000) gives a client these components work with.
 *
 * It generates into a scratch copy of the app (src/, app/ and the TypeScript setup, under the
 * git-ignored .api-check/) and type-checks that copy; the committed client is never touched.
 * A document that is not there (the download carries hono-service only) is reported and skipped.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DIR, runOpenapiRq } from './openapi-rq.ts';

const document = process.argv[2];
if (!document) {
  console.error('Usage: npm run api:compile -- <path to an openapi.json>');
  process.exit(2);
}
if (!existsSync(document)) {
  console.log(`api:compile: skipped, there is no ${document} here (a clone of the handbook has it).`);
  process.exit(0);
}

// Relative, inside the package: openapi-rq resolves its output against the working directory,
// and TypeScript finds this package's node_modules from there.
const scratch = join('.api-check', `compile-${process.pid}`);
await rm(scratch, { recursive: true, force: true });
await mkdir(scratch, { recursive: true });
try {
  for (const entry of ['src', 'app', 'tsconfig.json', 'global-css.d.ts']) await cp(entry, join(scratch, entry), { recursive: true });
  await rm(join(scratch, GENERATED_DIR), { recursive: true, force: true });
  runOpenapiRq(document, join(scratch, GENERATED_DIR));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(scratch, 'tsconfig.json')], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`api:compile: this app does not compile against hooks generated from ${document}:`);
    console.error(result.stdout.replaceAll(`${scratch}/`, ''));
    process.exitCode = 1;
  } else {
    console.log(`api:compile: this app's components compile against hooks generated from ${document}.`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
