/**
 * `npm run api:check`: fail when the committed src/api/generated differs from what the current
 * OpenAPI document generates. Reads the service's committed snapshot (hono-service/openapi.json,
 * beside or inside this app: see service-dir.mjs), or the file in OPENAPI_FILE, so it needs no
 * running service.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findServiceDir } from './service-dir.mjs';
import { GENERATED_DIR, runOpenapiRq } from './openapi-rq.ts';

const input = process.env.OPENAPI_FILE || relative(process.cwd(), join(findServiceDir(), 'openapi.json'));
if (!existsSync(input)) {
  console.error(`api:check: no OpenAPI document at ${input} (set OPENAPI_FILE to check against another file).`);
  process.exit(1);
}

/** Every file under `dir`, as paths relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The first differing line of two texts, for a readable hint. */
function firstDifference(committed: string, expected: string): string {
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n      committed: ${a[at] ?? '(end of file)'}\n      expected:  ${b[at] ?? '(end of file)'}`;
}

// Relative, inside the package: openapi-rq resolves its output against the working directory.
const scratch = join('.api-check', String(process.pid));
const fresh = join(scratch, 'generated');
await rm(scratch, { recursive: true, force: true });
await mkdir(scratch, { recursive: true });
try {
  runOpenapiRq(input, fresh);
  const committedFiles = await listFiles(GENERATED_DIR);
  const freshFiles = await listFiles(fresh);
  const problems: string[] = [];
  for (const file of new Set([...committedFiles, ...freshFiles])) {
    if (!freshFiles.includes(file)) problems.push(`  only committed (stale): ${file}`);
    else if (!committedFiles.includes(file)) problems.push(`  missing (not committed): ${file}`);
    else {
      const [a, b] = await Promise.all([readFile(join(GENERATED_DIR, file), 'utf8'), readFile(join(fresh, file), 'utf8')]);
      if (a !== b) problems.push(`  differs: ${file}, ${firstDifference(a, b)}`);
    }
  }
  if (problems.length > 0) {
    console.error(`api:check: ${GENERATED_DIR} is out of date with ${input}:\n${problems.join('\n')}`);
    console.error('Start the service (npm run dev:with-service), run `npm run api:generate` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log(`api:check: ${GENERATED_DIR} matches ${input} (${committedFiles.length} files).`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
  await rm('.api-check', { recursive: true, force: true }).catch(() => {});
}
