// @ts-check
import { concurrently } from 'concurrently';

// `npm run dev` (and `npm run dev:compiled` with --compiled): the dev IdP and the API, plus the
// background worker when the environment has what it needs. Plain JavaScript, so it runs where
// Node does not strip types (WebContainers' Node 22 is unconfirmed), and a Node script rather than shell syntax in package.json, so
// the same condition works in sh, StackBlitz's shell and Windows cmd.
const compiled = process.argv.includes('--compiled');
/** @param {string} entry path under src/ without extension */
const node = (entry) => (compiled ? `node dist/${entry}.js` : `node src/${entry}.ts`);

const commands = [
  { name: 'idp', command: node('idp/index'), prefixColor: 'blue' },
  { name: 'api', command: node('index'), prefixColor: 'green' },
];
// The worker shares the API's PostgreSQL (an in-memory PGlite exists in one process only).
if (process.env.REDIS_URL && process.env.DATABASE_URL) {
  commands.push({ name: 'worker', command: node('worker'), prefixColor: 'magenta' });
} else {
  console.log('[dev] no background worker: set REDIS_URL and DATABASE_URL to run report jobs (until then POST /v1/reports answers 503).');
}

const { result } = concurrently(commands, { killOthersOn: ['failure'], prefix: 'name' });
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
