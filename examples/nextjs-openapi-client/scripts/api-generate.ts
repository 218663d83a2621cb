/**
 * `npm run api:generate`: regenerate src/api/generated from the RUNNING service's document,
 * http://localhost:${SERVICE_PORT:-8787}/openapi.json (or OPENAPI_URL), like the guide's
 * `openapi-rq -i http://localhost:8000/openapi.json` for FastAPI.
 */
import { rm } from 'node:fs/promises';
import { GENERATED_DIR, runOpenapiRq } from './openapi-rq.ts';

const url = process.env.OPENAPI_URL || `http://localhost:${process.env.SERVICE_PORT || '8787'}/openapi.json`;

// Fail with a sentence, not a stack trace, when the service is not running.
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
} catch (error) {
  console.error(`Cannot read ${url} (${error instanceof Error ? error.message : String(error)}).`);
  console.error('Start the service first: cd ../hono-service && npm install && npm run dev');
  process.exit(1);
}

// A clean directory: an operation removed from the API must not leave a stale hook behind.
await rm(GENERATED_DIR, { recursive: true, force: true });
runOpenapiRq(url, GENERATED_DIR);
console.log(`Generated ${GENERATED_DIR} from ${url}. Review and commit it with the service change.`);
