import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { pino } from 'pino';
import { API_SECURITY_HEADERS, createApp } from '../src/app.ts';
import type { AppEnv } from '../src/lib/app-env.ts';
import { createTokenVerifier } from '../src/lib/auth/verify-token.ts';
import type { Database } from '../src/lib/db/client.ts';
import { users } from '../src/lib/db/schema.ts';
import { createLogger } from '../src/lib/logger.ts';
import { requestLogger } from '../src/middleware/request-logger.ts';
import { json, responseHeaders } from '../src/middleware/response-headers.ts';
import { AUDIENCE, ISSUER, createTestIdp, openTestDatabase } from '../test/helpers.ts';

// The servers under test, in a child process so autocannon (in the parent) does not share
// their event loop. Prints one JSON line with the ports and a token, then waits for SIGTERM.

const idp = await createTestIdp();
// A fresh database (dropped on exit) with a pool of 10: the postgres-js default, as in production.
const database = await openTestDatabase(process.env.DATABASE_URL || undefined, { max: 10 });
const createdAt = new Date('2026-01-01T00:00:00Z');
await database.db.insert(users).values({ id: 'bench', email: 'bench@example.com', name: 'Bench' });

// The service's own logger (same options: ISO time, redaction), written to /dev/null.
const logger = createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) });
// Generous buckets: the bench measures the chain, not the limiter saying no.
const rateLimit = { readPerMinute: 1_000_000_000, writePerMinute: 1_000_000_000 };
const verifyToken = createTokenVerifier({ jwks: idp.jwks, issuer: ISSUER, audience: AUDIENCE });

/** Drizzle-shaped stub that answers the user query without a database: the chain minus the DB read. */
const row = { id: 'bench', email: 'bench@example.com', name: 'Bench', createdAt };
const query: Record<string, unknown> = {};
for (const step of ['select', 'from', 'where', 'limit', 'prepare']) query[step] = () => query;
query.execute = async () => [row];
query.then = (resolve: (rows: unknown[]) => void) => resolve([row]);

const apps = {
  bare: new Hono().get('/', (c) => c.text('hello')),
  // The floor without its log line: what the security headers and a JSON body cost on their own.
  headers: new Hono<AppEnv>().use(responseHeaders(API_SECURITY_HEADERS)).get('/', (c) => json(c, { hello: 'world' }, 200)),
  // Reference point: what every response of the service costs before auth and the route, i.e. the
  // security headers, the trace id and one request log line, around a JSON "hello".
  floor: new Hono<AppEnv>()
    .use(responseHeaders(API_SECURITY_HEADERS))
    .use(requestLogger({ logger }))
    .get('/', (c) => json(c, { hello: 'world' }, 200)),
  chain: createApp({ db: query as unknown as Database, ping: async () => {}, verifyToken, logger, rateLimit }),
  full: createApp({ db: database.db, ping: database.ping, verifyToken, logger, rateLimit }),
};

const servers = Object.entries(apps).map(([name, app]) => ({ name, server: serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) }));
await new Promise((resolve) => setTimeout(resolve, 100));
const ports = Object.fromEntries(servers.map(({ name, server }) => [name, (server.address() as AddressInfo).port]));
console.log(JSON.stringify({ ports, token: await idp.sign({ sub: 'bench', scope: 'users:read', exp: Math.floor(Date.now() / 1000) + 900 }), driver: database.driver }));

// The bench asks for this process's CPU time around each run (IPC): all four servers live here,
// and only the one under load is busy.
process.on('message', (message) => {
  if (message === 'cpu-usage') process.send?.(process.cpuUsage());
});

process.once('SIGTERM', async () => {
  for (const { server } of servers) server.close();
  await database.close();
  process.exit(0);
});
