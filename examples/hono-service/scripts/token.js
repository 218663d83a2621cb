// @ts-check
import { parseArgs } from 'node:util';

// Plain JavaScript (type-checked through checkJs), not TypeScript: this is the one dev tool a reader
// runs by hand in StackBlitz, whose Node 22 may not strip types (unconfirmed). It runs on any Node >= 18.
//
// Prints one access token from the running dev IdP, and nothing else on stdout, so that
// `TOKEN=$(npm run -s token -- --sub alice --scope "users:read")` just works.
const usage = 'Usage: npm run -s token -- --sub <user> --scope "<space separated scopes>"';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`token: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({ options: { sub: { type: 'string' }, scope: { type: 'string', default: '' }, help: { type: 'boolean' } } }));
} catch (error) {
  fail(`${/** @type {Error} */ (error).message}\n${usage}`);
}
if (values.help) {
  console.error(usage);
  process.exit(0);
}
if (!values.sub) fail(`--sub is required\n${usage}`);

const port = process.env.IDP_PORT || '8788';
const url = `http://localhost:${port}/token`;
/** @type {Response} */
let response;
try {
  response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: values.sub, scope: values.scope }),
    signal: AbortSignal.timeout(5_000),
  });
} catch {
  fail(`the dev identity provider is not reachable at ${url}. Start it with "npm run dev" (or "npm run idp").`);
}
const body = /** @type {{ access_token?: string; error?: { message?: string } } | null} */ (await response.json().catch(() => null));
if (!response.ok || !body?.access_token) fail(`the IdP answered ${response.status}: ${body?.error?.message ?? 'no token'}`);
process.stdout.write(`${body.access_token}\n`);
