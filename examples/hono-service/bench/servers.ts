import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { createTokenVerifier } from '../src/lib/auth/verify-token.ts';
import type { Database } from '../src/lib/db/client.ts';
import { users } from '../src/lib/db/schema.ts';
import { AUDIENCE, ISSUER, createTestIdp, openTestDatabase } from '../test/helpers.ts';

// The servers under test, in a child process so autocannon (in the parent) does not share
// their event loop. Prints one JSON line with the ports and a token, then waits for SIGTERM.

const idp = await createTestIdp();
// A fresh database (dropped on exit) with a pool of 10: the postgres-js default, as in production.
const database = await openTestDatabase(process.env.DATABASE_URL || undefined, { max: 10 });
const createdAt = new Date('2026-01-01T00:00:00Z');
await database.db.insert(users).values({ id: 'bench', email: 'bench@example.com', name: 'Bench' });

// Logs are produced and serialized as in production, then written to /dev/null.
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
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
  // Reference point: the first response header a middleware sets makes Hono build a Headers
  // object, which costs more than everything else in the chain; the app avoids it (see the README).
  secure: new Hono().use(secureHeaders()).get('/', (c) => c.text('hello')),
  chain: createApp({ db: query as unknown as Database, ping: async () => {}, verifyToken, logger, rateLimit }),
  full: createApp({ db: database.db, ping: database.ping, verifyToken, logger, rateLimit }),
};

const servers = Object.entries(apps).map(([name, app]) => ({ name, server: serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) }));
await new Promise((resolve) => setTimeout(resolve, 100));
const ports = Object.fromEntries(servers.map(({ name, server }) => [name, (server.address() as AddressInfo).port]));
console.log(JSON.stringify({ ports, token: await idp.sign({ sub: 'bench', scope: 'users:read', exp: Math.floor(Date.now() / 1000) + 900 }), driver: database.driver }));

process.once('SIGTERM', async () => {
  for (const { server } of servers) server.close();
  await database.close();
  process.exit(0);
});
