import { parseArgs } from 'node:util';

// Prints one access token from the running dev IdP, and nothing else on stdout, so that
// `TOKEN=$(npm run -s token -- --sub alice --scope "users:read")` just works.
const usage = 'Usage: npm run -s token -- --sub <user> --scope "<space separated scopes>"';

function fail(message: string): never {
  console.error(`token: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({ options: { sub: { type: 'string' }, scope: { type: 'string', default: '' }, help: { type: 'boolean' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
if (values.help) {
  console.error(usage);
  process.exit(0);
}
if (!values.sub) fail(`--sub is required\n${usage}`);

const port = process.env.IDP_PORT || '8788';
const url = `http://localhost:${port}/token`;
let response: Response;
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
const body = (await response.json().catch(() => null)) as { access_token?: string; error?: { message?: string } } | null;
if (!response.ok || !body?.access_token) fail(`the IdP answered ${response.status}: ${body?.error?.message ?? 'no token'}`);
process.stdout.write(`${body.access_token}\n`);
