/**
 * `npm run api:generate`: regenerate src/api/generated from the RUNNING service's document,
 * http://localhost:${SERVICE_PORT:-8787}/openapi.json (or OPENAPI_URL), like the guide's
 * `openapi-rq -i http://localhost:8000/openapi.json` for FastAPI.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_DIR, runOpenapiRq } from './openapi-rq.ts';

// #region api-generate
const url = process.env.OPENAPI_URL || `http://localhost:${process.env.SERVICE_PORT || '8787'}/openapi.json`;

let document: string;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  document = await response.text();
} catch (error) {
  // Fail with a sentence, not a stack trace, when the service is not running.
  console.error(`Cannot read ${url} (${error instanceof Error ? error.message : String(error)}).`);
  console.error('Start the service first: npm run dev:with-service');
  process.exit(1);
}

// Generate from a saved copy, not from the URL: given a URL, the generator bakes that URL into
// the client as its baseUrl, and the output would then differ from what api:check generates
// from the committed snapshot. The app sets its own baseUrl (the proxy) anyway.
const scratch = await mkdtemp(join(tmpdir(), 'openapi-'));
try {
  const input = join(scratch, 'openapi.json');
  await writeFile(input, document);
  // A clean directory: an operation removed from the API must not leave a stale hook behind.
  await rm(GENERATED_DIR, { recursive: true, force: true });
  runOpenapiRq(input, GENERATED_DIR);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
// #endregion api-generate
console.log(`Generated ${GENERATED_DIR} from ${url}. Review and commit it with the service change.`);
