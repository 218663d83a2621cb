import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SECURITY_HEADERS } from '../src/app.ts';
import { generateSigningKey } from '../src/idp/keys.ts';
import type { DatabaseHandle } from '../src/lib/db/client.ts';
import { createLifecycle } from '../src/lib/lifecycle.ts';
import { createMemoryStore } from '../src/middleware/rate-limit-store.ts';
import { ErrorSchema } from '../src/schemas/error.ts';
import { HealthSchema } from '../src/schemas/health.ts';
import { redisPing } from '../src/routes/health.ts';
import { Redis } from 'ioredis';
import { InvoiceListSchema, InvoiceSchema } from '../src/schemas/invoices.ts';
import { UserSchema } from '../src/schemas/users.ts';
import { ApiKeyListSchema, CreatedApiKeySchema, MAX_LIVE_API_KEYS } from '../src/schemas/api-keys.ts';
import { createApiKeyVerifier } from '../src/lib/auth/api-keys.ts';
import { apiKeys } from '../src/lib/db/schema.ts';
import { eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { AUDIENCE, ISSUER, createTestApp, createTestIdp, freePort, jsonRequest, openTestDatabase } from './helpers.ts';

const ALL = 'users:read users:write invoices:read invoices:write reports:read reports:write keys:read keys:write';
const NIL_UUID = '00000000-0000-4000-8000-000000000000';

/** The headers every API response carries, exactly. */
const API_HEADER_SET = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
// Per-request headers and the body's own; anything else would be an unreviewed addition.
const PER_RESPONSE_HEADERS = new Set(['content-type', 'content-length', 'x-trace-id', 'ratelimit', 'ratelimit-policy', 'allow', 'www-authenticate']);

/** Read a response that must be the documented error shape, and return its `error`. */
async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

/** `text` as a request body streamed in 1 KB chunks: what a chunked upload looks like, no Content-Length. */
function chunkedBody(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 1024) controller.enqueue(bytes.slice(offset, offset + 1024));
      controller.close();
    },
  });
}

/**
 * The integration suite: every endpoint and every documented error, through `app.request()`
 * (no network). Runs on PGlite always, and on a real PostgreSQL when `DATABASE_URL` is set.
 */
export function defineApiSuite(label: string, databaseUrl?: string) {
  describe(`API on ${label}`, () => {
    let database: DatabaseHandle;
    let idp: Awaited<ReturnType<typeof createTestIdp>>;
    let ctx: ReturnType<typeof createTestApp>;
    let alice: string;
    let bob: string;

    beforeAll(async () => {
      [database, idp] = await Promise.all([openTestDatabase(databaseUrl), createTestIdp()]);
      ctx = createTestApp(database, idp);
      [alice, bob] = await Promise.all([idp.token('alice', ALL), idp.token('bob', ALL)]);
    });
    afterAll(async () => {
      await database?.close();
    });

    const request = (path: string, init?: RequestInit) => ctx.app.request(path, init);

    describe('operations', () => {
      it('answers /health with 200 after pinging the database', async () => {
        const response = await request('/health');
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
      });

      it('answers /health with 503 in the error shape when the database is down', async () => {
        const { app } = createTestApp(database, idp, {
          ping: async () => {
            throw new Error('connection refused');
          },
        });
        await expectError(await app.request('/health'), 503, 'service_unavailable');
      });

      it('answers /health with 503 once shutdown has started', async () => {
        const lifecycle = createLifecycle();
        const { app } = createTestApp(database, idp, { lifecycle });
        expect((await app.request('/health')).status).toBe(200);
        lifecycle.startDraining();
        await expectError(await app.request('/health'), 503, 'service_unavailable');
      });

      describe('dependency checks', () => {
        const up = async () => {};
        const down = async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        };

        it('answers /health with 200 and checks { database: ok, redis: ok } when the database and Redis answer', async () => {
          const { app } = createTestApp(database, idp, { pingRedis: up });
          const response = await app.request('/health');
          expect(response.status).toBe(200);
          const body = await response.json();
          expect(body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
          expect(HealthSchema.parse(body)).toEqual(body);
        });

        it('answers /health with 200 degraded and redis: down when Redis is down, and logs a warning', async () => {
          const { app, logs } = createTestApp(database, idp, { pingRedis: down });
          const response = await app.request('/health');
          expect(response.status).toBe(200);
          const body = await response.json();
          expect(body).toEqual({ status: 'degraded', checks: { database: 'ok', redis: 'down' } });
          expect(HealthSchema.parse(body)).toEqual(body);
          const warning = logs.lines.find((line) => line.msg === 'health: dependency down, answering degraded');
          expect(warning).toMatchObject({ level: 40, dependency: 'redis', err: { message: 'connect ECONNREFUSED 127.0.0.1:6379' } });
        });

        it('answers /health with 503 when the database is down, even with Redis up', async () => {
          const { app } = createTestApp(database, idp, { ping: down, pingRedis: up });
          await expectError(await app.request('/health'), 503, 'service_unavailable');
        });

        it('answers /health without a redis check when the service uses no Redis (no REDIS_URL)', async () => {
          const body = HealthSchema.parse(await (await request('/health')).json());
          expect(body.checks).not.toHaveProperty('redis');
          expect(Object.keys(body.checks)).toEqual(['database']);
        });

        it('answers /health degraded with an ioredis client configured as the server does, when nothing listens on its port', async () => {
          const client = new Redis(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
          client.on('error', () => {});
          try {
            const { app } = createTestApp(database, idp, { pingRedis: redisPing(client) });
            const response = await app.request('/health');
            expect(response.status).toBe(200);
            expect(await response.json()).toEqual({ status: 'degraded', checks: { database: 'ok', redis: 'down' } });
          } finally {
            client.disconnect();
          }
        });

        it.skipIf(!process.env.REDIS_URL)('answers /health with redis: ok against a real Redis (REDIS_URL)', async () => {
          const client = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
          try {
            await new Promise<void>((resolve, reject) => client.once('ready', resolve).once('error', reject));
            const { app } = createTestApp(database, idp, { pingRedis: redisPing(client) });
            const response = await app.request('/health');
            expect(response.status).toBe(200);
            expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
          } finally {
            await client.quit();
          }
        });
      });

      it('sends the OWASP REST security headers and no-store on API responses', async () => {
        const response = await request('/health');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('strict-transport-security')).toContain('max-age=');
        expect(response.headers.get('content-type')).toContain('application/json');
      });

      it('sends exactly the API header set, and the trace id, on JSON, error, 404 and 405 responses', async () => {
        const cases: [string, RequestInit | undefined, number][] = [
          ['/v1/invoices', { headers: { authorization: `Bearer ${alice}` } }, 200],
          ['/v1/users/someone-else', { headers: { authorization: `Bearer ${alice}` } }, 404],
          ['/v1/invoices', undefined, 401],
          ['/v1/invoices', { method: 'DELETE', headers: { authorization: `Bearer ${alice}` } }, 405],
          ['/nope', undefined, 404],
          ['/health', undefined, 200],
          ['/openapi.json', undefined, 200],
        ];
        for (const [path, init, status] of cases) {
          const response = await request(path, init);
          expect(response.status, path).toBe(status);
          const headers = Object.fromEntries([...response.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)));
          expect(headers, `${init?.method ?? 'GET'} ${path}`).toEqual(API_HEADER_SET);
          expect(response.headers.get('x-trace-id'), path).toMatch(/^[0-9a-f]{32}$/);
        }
      });

      it("sends Hono's full secureHeaders() set with the page's own CSP on the reference page, and keeps asset caching", async () => {
        const reference = await new Hono().use(secureHeaders(PAGE_SECURITY_HEADERS)).get('/', (c) => c.body(null)).request('/');
        const expected = Object.fromEntries(reference.headers);
        expect(Object.keys(expected).length).toBeGreaterThan(10);
        const page = await request('/reference');
        expect(page.status).toBe(200);
        expect(Object.fromEntries(page.headers)).toMatchObject(expected);
        expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect(page.headers.get('cache-control')).toBe('no-store');
        expect(page.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
        const asset = await request('/reference/swagger-ui.css');
        expect(asset.headers.get('cache-control')).toBe('public, max-age=3600');
        expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
        expect(asset.headers.has('x-powered-by')).toBe(false);
      });

      it('serves the API reference page with its assets from node_modules, not a CDN', async () => {
        const page = await (await request('/reference')).text();
        const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
        expect(assets).toEqual(['/reference/swagger-ui.css', '/reference/swagger-ui-bundle.js', '/reference/init.js']);
        for (const asset of assets) {
          const response = await request(asset);
          expect(response.status, asset).toBe(200);
          expect(response.headers.get('content-type'), asset).toMatch(/css|javascript/);
        }
        const init = await (await request('/reference/init.js')).text();
        expect(init).toContain("url: '/openapi.json'");
        expect(init).toContain('validatorUrl: null');
        expect((await (await request('/reference/swagger-ui-bundle.js')).arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      });

      it('answers / (what StackBlitz previews) with an index of every documented operation and the way to a token', async () => {
        const response = await request('/');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        const page = await response.text();
        const document = (await (await request('/openapi.json')).json()) as { paths: Record<string, Record<string, { summary: string }>> };
        const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
        expect(operations.length).toBeGreaterThan(4);
        for (const operation of operations) {
          const [method, path] = operation.split(' ');
          expect(page, operation).toContain(`<td><code>${method}</code></td><td><code>${path}</code></td>`);
        }
        expect(page).toContain('href="/reference"');
        expect(page).toContain('npm run -s token -- --sub alice');
        expect(page).not.toMatch(/<script|<style|<form/);
      });

      it('lets / alone be framed (StackBlitz previews it in a frame), with a CSP that loads nothing', async () => {
        const home = await request('/');
        expect(home.headers.has('x-frame-options')).toBe(false);
        expect(home.headers.get('content-security-policy')).toBe("default-src 'none'; base-uri 'none'; form-action 'none'");
        expect(home.headers.get('x-content-type-options')).toBe('nosniff');
        expect(home.headers.get('cache-control')).toBe('no-store');
        // The omission is per request: the next API response refuses framing as before.
        expect((await request('/health')).headers.get('x-frame-options')).toBe('DENY');
      });
    });

    describe('unknown routes and methods', () => {
      it('answers an unknown route with 404 in the error shape', async () => {
        await expectError(await request('/nope'), 404, 'not_found');
        await expectError(await request('/v2/users/alice', jsonRequest('GET', alice)), 404, 'not_found');
      });

      it('answers a wrong method with 405, the error shape and an Allow header', async () => {
        const error = await expectError(await request('/health', { method: 'DELETE' }), 405, 'method_not_allowed');
        expect(error.message).toContain('DELETE');
        const response = await request('/v1/users/alice', jsonRequest('DELETE', alice));
        expect(response.headers.get('allow')).toBe('GET, HEAD');
        await expectError(response, 405, 'method_not_allowed');
      });
    });

    describe('authentication', () => {
      const getUser = (token?: string, headers: Record<string, string> = {}) =>
        request('/v1/users/alice', jsonRequest('GET', token, undefined, headers));

      it('rejects a request without a token with 401 and WWW-Authenticate', async () => {
        const response = await getUser();
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        await expectError(response, 401, 'unauthorized');
      });

      it('rejects a malformed Authorization header', async () => {
        await expectError(await getUser(undefined, { authorization: 'Basic YWxpY2U6c2VjcmV0' }), 401, 'unauthorized');
        await expectError(await getUser('not-a-jwt'), 401, 'unauthorized');
      });

      it('rejects an expired token', async () => {
        const now = Math.floor(Date.now() / 1000);
        const token = await idp.sign({ sub: 'alice', scope: ALL, iat: now - 600, nbf: now - 600, exp: now - 60 });
        const error = await expectError(await getUser(token), 401, 'unauthorized');
        expect(error.message).toMatch(/expired/);
      });

      it('rejects a token that is not valid yet (nbf)', async () => {
        const now = Math.floor(Date.now() / 1000);
        await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, nbf: now + 120 })), 401, 'unauthorized');
      });

      it('rejects a token for another audience', async () => {
        const error = await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, aud: 'another-service' })), 401, 'unauthorized');
        expect(error.message).toContain('aud');
      });

      it('rejects a token from another issuer', async () => {
        const error = await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, iss: 'https://evil.test' })), 401, 'unauthorized');
        expect(error.message).toContain('iss');
      });

      it('rejects an unsigned token (alg: none)', async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'alice', scope: ALL, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 60 })}.`;
        await expectError(await getUser(unsigned), 401, 'unauthorized');
      });

      it('rejects a token signed with an algorithm outside the allow-list (HS256)', async () => {
        const now = Math.floor(Date.now() / 1000);
        const hs256 = await new SignJWT({ sub: 'alice', scope: ALL, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 60 })
          .setProtectedHeader({ alg: 'HS256', kid: idp.key.kid })
          .sign(new TextEncoder().encode('a-shared-secret-that-must-not-work-here'));
        const error = await expectError(await getUser(hs256), 401, 'unauthorized');
        expect(error.message).toMatch(/algorithm/);
      });

      it('rejects a token signed by a key that is not in the JWKS', async () => {
        const stranger = await generateSigningKey();
        await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL }, { key: stranger })), 401, 'unauthorized');
        // Same kid as the real key, different key material: the signature check is what fails.
        await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL }, { key: { ...stranger, kid: idp.key.kid } })), 401, 'unauthorized');
      });

      it('rejects a token that lives longer than 15 minutes', async () => {
        const now = Math.floor(Date.now() / 1000);
        const error = await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, iat: now, exp: now + 16 * 60 })), 401, 'unauthorized');
        expect(error.message).toContain('15 minutes');
      });

      it('rejects a token without sub', async () => {
        await expectError(await getUser(await idp.sign({ scope: ALL })), 401, 'unauthorized');
      });

      it('rejects a token without exp', async () => {
        const error = await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, exp: undefined })), 401, 'unauthorized');
        expect(error.message).toContain('exp');
      });

      it('rejects a token whose registered claims have the wrong JSON types with 401, never a 500', async () => {
        const now = Math.floor(Date.now() / 1000);
        // Signed with the real key: only the claims' types are wrong.
        const cases: [string, Record<string, unknown>][] = [
          ['exp', { exp: String(now + 300) }],
          ['exp', { exp: null }],
          ['iat', { iat: String(now) }],
          ['iat', { iat: [now] }],
          ['nbf', { nbf: String(now) }],
          ['sub', { sub: 123 }],
          ['sub', { sub: { id: 'alice' } }],
          ['sub', { sub: ['alice'] }],
        ];
        for (const [claim, claims] of cases) {
          const error = await expectError(await getUser(await idp.sign({ sub: 'alice', scope: ALL, ...claims })), 401, 'unauthorized');
          expect(error.message, JSON.stringify(claims)).toContain(`"${claim}"`);
        }
      });

      it('rejects a token whose sub is not a user id (empty, control characters, over 128 characters) with 401, never a 500', async () => {
        for (const sub of ['', 'a\u0000b', 'a\nb', 'a'.repeat(129)]) {
          const error = await expectError(await request('/v1/invoices', jsonRequest('GET', await idp.sign({ sub, scope: ALL }))), 401, 'unauthorized');
          expect(error.message, JSON.stringify(sub)).toContain('"sub"');
        }
      });
    });

    describe('users', () => {
      it('registers the caller with POST /v1/users (201) and reads it back', async () => {
        const created = await request('/v1/users', jsonRequest('POST', alice, { email: 'alice@example.com', name: 'Alice' }));
        expect(created.status).toBe(201);
        const user = UserSchema.parse(await created.json());
        expect(user).toMatchObject({ id: 'alice', email: 'alice@example.com', name: 'Alice' });
        const read = await request('/v1/users/alice', jsonRequest('GET', alice));
        expect(read.status).toBe(200);
        expect(UserSchema.parse(await read.json())).toEqual(user);
        expect((await request('/v1/users', jsonRequest('POST', bob, { email: 'bob@example.com', name: 'Bob' }))).status).toBe(201);
      });

      it('answers 409 conflict when the user or the email is already registered', async () => {
        await expectError(await request('/v1/users', jsonRequest('POST', alice, { email: 'other@example.com', name: 'A' })), 409, 'conflict');
        const carol = await idp.token('carol', ALL);
        await expectError(await request('/v1/users', jsonRequest('POST', carol, { email: 'alice@example.com', name: 'C' })), 409, 'conflict');
      });

      it("answers 404 for another user's profile without users:admin", async () => {
        await expectError(await request('/v1/users/bob', jsonRequest('GET', alice)), 404, 'not_found');
      });

      it('lets users:admin read any user, and still 404s an unknown id', async () => {
        const admin = await idp.token('admin', 'users:read users:admin');
        expect(UserSchema.parse(await (await request('/v1/users/bob', jsonRequest('GET', admin))).json()).id).toBe('bob');
        await expectError(await request('/v1/users/nobody', jsonRequest('GET', admin)), 404, 'not_found');
      });

      it('lists every failing field on validation errors', async () => {
        const dave = await idp.token('dave', ALL);
        const error = await expectError(await request('/v1/users', jsonRequest('POST', dave, { email: 'not-an-email', extra: 1 })), 400, 'validation_failed');
        const paths = error.details?.map((detail) => detail.path);
        expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body']));
      });

      it('answers hostile ids and text (NUL, control characters, overlong) with 400, never a 500', async () => {
        const admin = await idp.token('admin', 'users:read users:admin invoices:read invoices:write');
        for (const path of ['/v1/users/%00', '/v1/users/a%01b', `/v1/users/${'a'.repeat(129)}`, '/v1/invoices/%00', `/v1/invoices/${'9'.repeat(5000)}`]) {
          await expectError(await request(path, jsonRequest('GET', admin)), 400, 'validation_failed');
        }
        const nul = await expectError(await request('/v1/invoices', jsonRequest('POST', alice, { amountCents: 1, currency: 'EUR', description: 'a\u0000b' })), 400, 'validation_failed');
        expect(nul.details?.[0]?.path).toBe('body.description');
        await expectError(await request('/v1/users', jsonRequest('POST', bob, { email: 'x@example.com', name: '\u0000' })), 400, 'validation_failed');
      });

      it('answers malformed JSON with 400 bad_request', async () => {
        await expectError(await request('/v1/users', jsonRequest('POST', alice, '{"email":')), 400, 'bad_request');
      });
    });

    describe('invoices', () => {
      let aliceInvoiceId: string;

      it('refuses an invoice for a caller who has not registered (409)', async () => {
        const erin = await idp.token('erin', ALL);
        await expectError(await request('/v1/invoices', jsonRequest('POST', erin, { amountCents: 100, currency: 'EUR', description: 'x' })), 409, 'conflict');
      });

      it('creates an invoice owned by the caller (201), whatever the body says', async () => {
        const response = await request('/v1/invoices', jsonRequest('POST', alice, { amountCents: 12_500, currency: 'EUR', description: 'Consulting, March' }));
        expect(response.status).toBe(201);
        const invoice = InvoiceSchema.parse(await response.json());
        expect(invoice).toMatchObject({ userId: 'alice', amountCents: 12_500, status: 'draft' });
        aliceInvoiceId = invoice.id;
        // The owner cannot be chosen by the client: unknown fields are rejected, not ignored.
        await expectError(
          await request('/v1/invoices', jsonRequest('POST', alice, { amountCents: 1, currency: 'EUR', description: 'x', userId: 'bob' })),
          400,
          'validation_failed',
        );
        await request('/v1/invoices', jsonRequest('POST', bob, { amountCents: 900, currency: 'USD', description: "Bob's", status: 'open' }));
      });

      it('reads your own invoice', async () => {
        const response = await request(`/v1/invoices/${aliceInvoiceId}`, jsonRequest('GET', alice));
        expect(response.status).toBe(200);
        expect(InvoiceSchema.parse(await response.json()).id).toBe(aliceInvoiceId);
      });

      it("answers 404 for another user's invoice, exactly as for an unknown id", async () => {
        const cross = await expectError(await request(`/v1/invoices/${aliceInvoiceId}`, jsonRequest('GET', bob)), 404, 'not_found');
        const unknown = await expectError(await request(`/v1/invoices/${NIL_UUID}`, jsonRequest('GET', bob)), 404, 'not_found');
        expect(cross).toEqual(unknown);
      });

      it('lists only your own invoices, filtered by status', async () => {
        const mine = InvoiceListSchema.parse(await (await request('/v1/invoices', jsonRequest('GET', alice))).json());
        expect(mine.items.map((invoice) => invoice.userId)).toEqual(['alice']);
        const open = InvoiceListSchema.parse(await (await request('/v1/invoices?status=open', jsonRequest('GET', bob))).json());
        expect(open.items).toHaveLength(1);
        const drafts = InvoiceListSchema.parse(await (await request('/v1/invoices?status=draft', jsonRequest('GET', bob))).json());
        expect(drafts.items).toHaveLength(0);
      });

      it('reports invalid path and query values as validation details', async () => {
        const byId = await expectError(await request('/v1/invoices/not-a-uuid', jsonRequest('GET', alice)), 400, 'validation_failed');
        expect(byId.details?.[0]?.path).toBe('path.id');
        const list = await expectError(await request('/v1/invoices?limit=0&status=lost', jsonRequest('GET', alice)), 400, 'validation_failed');
        expect(list.details?.map((detail) => detail.path).sort()).toEqual(['query.limit', 'query.status']);
      });

      it('answers 413 in the error shape for a body over 64 KB', async () => {
        const description = 'x'.repeat(65 * 1024);
        await expectError(await request('/v1/invoices', jsonRequest('POST', alice, { amountCents: 1, currency: 'EUR', description })), 413, 'payload_too_large');
      });

      it('answers 413 for a chunked body over 64 KB without Content-Length, without reaching the route', async () => {
        const writer = await idp.token('chunked-writer', 'users:write invoices:read invoices:write');
        expect((await request('/v1/users', jsonRequest('POST', writer, { email: 'chunked-writer@example.com', name: 'Chunked' }))).status).toBe(201);
        // A valid invoice padded with whitespace past 64 KB: only the size is wrong, so a route that
        // ran would create it. Streamed in 1 KB chunks, with no Content-Length to trust.
        const body = chunkedBody(`{"amountCents":1,"currency":"EUR","description":"chunked"${' '.repeat(65 * 1024)}}`);
        const chunked = new Request('http://localhost/v1/invoices', {
          method: 'POST',
          headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' },
          body,
          duplex: 'half',
        } as RequestInit);
        expect(chunked.headers.has('content-length')).toBe(false);
        await expectError(await ctx.app.request(chunked), 413, 'payload_too_large');
        const list = InvoiceListSchema.parse(await (await request('/v1/invoices', jsonRequest('GET', writer))).json());
        expect(list.items).toEqual([]);
      });
    });

    describe('request body limit', () => {
      it('answers 413 payload_too_large on every route that takes a body, with or without Content-Length', async () => {
        const document = (await (await request('/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
        const routes = Object.entries(document.paths).flatMap(([path, item]) =>
          Object.entries(item).flatMap(([method, operation]) => (operation.requestBody ? [`${method.toUpperCase()} ${path}`] : [])),
        );
        // Every write route, written out: a new one must be added here (and get its limit).
        expect(routes.sort()).toEqual(['POST /v1/api-keys', 'POST /v1/invoices', 'POST /v1/reports', 'POST /v1/users']);
        // 65 KB of JSON: `{}` padded with whitespace, so only its size is wrong.
        const text = `{${' '.repeat(65 * 1024)}}`;
        const headers = { authorization: `Bearer ${alice}`, 'content-type': 'application/json' };
        for (const route of routes) {
          const [method, path] = route.split(' ') as [string, string];
          const framings: [string, RequestInit][] = [
            ['Content-Length', { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(text)) }, body: text }],
            ['chunked', { method, headers, body: chunkedBody(text), duplex: 'half' } as RequestInit],
          ];
          for (const [framing, init] of framings) {
            const response = await request(path, init);
            expect(response.status, `${route} (${framing})`).toBe(413);
            await expectError(response, 413, 'payload_too_large');
          }
        }
      });
    });

    describe('API keys', () => {
      const keyRequest = (method: string, path: string, key: string, body?: unknown) =>
        request(path, { method, headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const create = async (body: unknown, token = alice) => {
        const response = await request('/v1/api-keys', jsonRequest('POST', token, body));
        expect(response.status).toBe(201);
        return CreatedApiKeySchema.parse(await response.json());
      };

      it('creates a key (201) whose secret is shown once and stored only as a hash', async () => {
        const created = await create({ name: 'Acme sync', scopes: ['invoices:read'], expiresInDays: 30 });
        expect(created).toMatchObject({ name: 'Acme sync', scopes: ['invoices:read'], prefix: created.key.slice(0, 12) });
        expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBeGreaterThan(29.9 * 86_400_000);
        const [row] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
        const secret = created.key.slice('hsk_'.length + 33); // after the id (32 hex and _); may contain _
        // SHA-256 computed here, not with the service's own helper: a reversible encoding of the
        // secret (hex of its bytes is 64 hex characters too) would pass a test that shares the helper.
        expect(row?.secretHash).toBe(createHash('sha256').update(secret, 'utf8').digest('hex'));
        // Every column of the row as the database holds it, not only those the schema maps.
        const stored = await database.db.execute(sql`select row_to_json(k)::text as "row" from api_keys k where k.id = ${created.id}`);
        const [raw] = (Array.isArray(stored) ? stored : (stored as unknown as { rows: { row: string }[] }).rows) as { row: string }[];
        expect(raw?.row).toContain(row?.secretHash);
        for (const form of [secret, Buffer.from(secret, 'base64url').toString('hex'), created.key]) expect(raw?.row).not.toContain(form);
        const list = ApiKeyListSchema.parse(await (await request('/v1/api-keys', jsonRequest('GET', alice))).json());
        expect(list.items.map((item) => item.id)).toContain(created.id);
        expect(JSON.stringify(list)).not.toContain(secret);
        expect(list.items.every((item) => !('key' in item))).toBe(true);
      });

      it("gives a partner the key's scopes on its user's data, and logs which key called", async () => {
        const { app, logs } = createTestApp(database, idp);
        const { key, id } = await create({ name: 'reader', scopes: ['invoices:read'], expiresInDays: 1 });
        const listed = await app.request('/v1/invoices', { headers: { 'x-api-key': key } });
        expect(listed.status).toBe(200);
        const items = InvoiceListSchema.parse(await listed.json()).items;
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((invoice) => invoice.userId === 'alice')).toBe(true);
        // Only the key's scopes: alice's token could write invoices, this key cannot.
        const write = await app.request('/v1/invoices', { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify({ amountCents: 1, currency: 'EUR', description: 'x' }) });
        await expectError(write, 403, 'forbidden');
        expect(logs.lines.find((line) => line.msg === 'request')).toMatchObject({ user_id: 'alice', api_key_id: id, status: 200 });
        expect(JSON.stringify(logs.lines)).not.toContain(key);
      });

      it("refuses scopes the caller's own token lacks, and an expiry past 90 days", async () => {
        const reader = await idp.token('alice', 'keys:write invoices:read');
        const error = await expectError(await request('/v1/api-keys', jsonRequest('POST', reader, { name: 'x', scopes: ['invoices:write'], expiresInDays: 1 })), 403, 'forbidden');
        expect(error.message).toContain('invoices:write');
        const invalid = await expectError(await request('/v1/api-keys', jsonRequest('POST', alice, { name: ' ', scopes: ['keys:write', 'invoices:read'], expiresInDays: 91 })), 400, 'validation_failed');
        expect(invalid.details?.map((detail) => detail.path).sort()).toEqual(['body.expiresInDays', 'body.name', 'body.scopes.0']);
        await expectError(await request('/v1/api-keys', jsonRequest('POST', alice, { name: 'x', scopes: ['invoices:read', 'invoices:read'], expiresInDays: 1 })), 400, 'validation_failed');
      });

      it('never lets a key manage keys: create, list and revoke need a bearer token', async () => {
        const { key, id } = await create({ name: 'all', scopes: ['users:read', 'invoices:read'], expiresInDays: 1 });
        for (const [method, path, body] of [['POST', '/v1/api-keys', { name: 'y', scopes: ['invoices:read'], expiresInDays: 1 }], ['GET', '/v1/api-keys'], ['DELETE', `/v1/api-keys/${id}`]] as const) {
          const error = await expectError(await keyRequest(method, path, key, body), 403, 'forbidden');
          expect(error.message, `${method} ${path}`).toContain('API keys cannot manage API keys');
        }
      });

      it('rotates: a new key and the old one both work until the old one is revoked, which answers 401 at once', async () => {
        const old = await create({ name: 'v1', scopes: ['invoices:read'], expiresInDays: 90 });
        const next = await create({ name: 'v2', scopes: ['invoices:read'], expiresInDays: 90 });
        expect((await keyRequest('GET', '/v1/invoices', old.key)).status).toBe(200);
        expect((await keyRequest('GET', '/v1/invoices', next.key)).status).toBe(200);
        expect((await request(`/v1/api-keys/${old.id}`, jsonRequest('DELETE', alice))).status).toBe(204);
        const revoked = await expectError(await keyRequest('GET', '/v1/invoices', old.key), 401, 'unauthorized');
        expect(revoked.message).toContain('revoked');
        expect((await keyRequest('GET', '/v1/invoices', next.key)).status).toBe(200);
        const list = ApiKeyListSchema.parse(await (await request('/v1/api-keys', jsonRequest('GET', alice))).json());
        expect(list.items.map((item) => item.id)).not.toContain(old.id);
        // Revoking again, someone else's key or an unknown one: 404, the same answer.
        await expectError(await request(`/v1/api-keys/${old.id}`, jsonRequest('DELETE', alice)), 404, 'not_found');
        await expectError(await request(`/v1/api-keys/${next.id}`, jsonRequest('DELETE', bob)), 404, 'not_found');
        await expectError(await request(`/v1/api-keys/${NIL_UUID}`, jsonRequest('DELETE', alice)), 404, 'not_found');
        await expectError(await request('/v1/api-keys/not-a-uuid', jsonRequest('DELETE', alice)), 400, 'validation_failed');
      });

      it('answers wrong, expired, malformed and oversized keys with 401 in the error shape, never a 500', async () => {
        const { key } = await create({ name: 'soon expired', scopes: ['invoices:read'], expiresInDays: 1 });
        const [hex, secret] = [key.slice(4, 36), key.slice(37)];
        const wrongSecret = `hsk_${hex}_${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
        const unknownId = `hsk_${'0'.repeat(32)}_${secret}`;
        const cases: [string, RegExp][] = [
          [wrongSecret, /not valid/],
          [unknownId, /not valid/],
          ['hsk_nope', /malformed/],
          ['', /malformed/],
          [`${key}x`, /malformed/],
          ['x'.repeat(8 * 1024), /malformed/],
        ];
        for (const [value, message] of cases) {
          const error = await expectError(await keyRequest('GET', '/v1/invoices', value), 401, 'unauthorized');
          expect(error.message, value.slice(0, 20)).toMatch(message);
        }
        const later = createTestApp(database, idp, { verifyApiKey: createApiKeyVerifier({ db: database.db, now: () => Date.now() + 2 * 86_400_000 }) });
        const expired = await expectError(await later.app.request('/v1/invoices', { headers: { 'x-api-key': key } }), 401, 'unauthorized');
        expect(expired.message).toContain('expired');
        const both = await expectError(await request('/v1/invoices', jsonRequest('GET', alice, undefined, { 'x-api-key': key })), 401, 'unauthorized');
        expect(both.message).toContain('not both');
      });

      it('rate-limits each key in its own buckets, apart from its user', async () => {
        const { app } = createTestApp(database, idp, { rateLimit: { store: createMemoryStore(), readPerMinute: 2, writePerMinute: 100, reportsPerMinute: 100 } });
        const one = await create({ name: 'one', scopes: ['invoices:read'], expiresInDays: 1 });
        const two = await create({ name: 'two', scopes: ['invoices:read'], expiresInDays: 1 });
        const get = (headers: Record<string, string>) => app.request('/v1/invoices', { headers });
        expect((await get({ 'x-api-key': one.key })).status).toBe(200);
        expect((await get({ 'x-api-key': one.key })).status).toBe(200);
        await expectError(await get({ 'x-api-key': one.key }), 429, 'rate_limited');
        expect((await get({ 'x-api-key': two.key })).status).toBe(200);
        expect((await get({ authorization: `Bearer ${alice}` })).status).toBe(200);
      });

      it('sends exactly the API header set on key-authenticated answers and on the 201 and 204 of key management', async () => {
        const created = await request('/v1/api-keys', jsonRequest('POST', alice, { name: 'headers', scopes: ['invoices:read'], expiresInDays: 1 }));
        const { key, id } = CreatedApiKeySchema.parse(await created.clone().json());
        for (const response of [created, await keyRequest('GET', '/v1/invoices', key), await request(`/v1/api-keys/${id}`, jsonRequest('DELETE', alice))]) {
          expect([201, 200, 204]).toContain(response.status);
          const headers = Object.fromEntries([...response.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)));
          expect(headers, String(response.status)).toEqual(API_HEADER_SET);
          expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
          expect(response.headers.get('ratelimit-policy')).toMatch(/^"(read|write)";q=\d+;w=60$/);
        }
      });

      it(`holds at most ${MAX_LIVE_API_KEYS} live keys per user (409 beyond)`, async () => {
        const carol = await idp.token('carol-keys', 'users:write keys:read keys:write invoices:read');
        await request('/v1/users', jsonRequest('POST', carol, { email: 'carol-keys@example.com', name: 'Carol' }));
        for (let i = 0; i < MAX_LIVE_API_KEYS; i++) await create({ name: `k${i}`, scopes: ['invoices:read'], expiresInDays: 1 }, carol);
        await expectError(await request('/v1/api-keys', jsonRequest('POST', carol, { name: 'one more', scopes: ['invoices:read'], expiresInDays: 1 })), 409, 'conflict');
        const stranger = await idp.token('not-registered', 'keys:write invoices:read');
        await expectError(await request('/v1/api-keys', jsonRequest('POST', stranger, { name: 'x', scopes: ['invoices:read'], expiresInDays: 1 })), 409, 'conflict');
      });

      it('does not count revoked or expired keys toward the 20 live keys: one revoked (or expired) makes room for exactly one more', async () => {
        const dan = await idp.token('dan-keys', 'users:write keys:read keys:write invoices:read');
        expect((await request('/v1/users', jsonRequest('POST', dan, { email: 'dan-keys@example.com', name: 'Dan' }))).status).toBe(201);
        const body = { name: 'k', scopes: ['invoices:read'], expiresInDays: 1 };
        const post = () => request('/v1/api-keys', jsonRequest('POST', dan, body));
        const keys = [];
        for (let i = 0; i < 20; i++) keys.push(await create(body, dan));
        await expectError(await post(), 409, 'conflict');
        expect((await request(`/v1/api-keys/${keys[0]!.id}`, jsonRequest('DELETE', dan))).status).toBe(204);
        expect((await post()).status).toBe(201);
        await expectError(await post(), 409, 'conflict');
        // An expired key is not live either; a key lives 1 day at least, so expire one in the database.
        await database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, keys[1]!.id));
        expect((await post()).status).toBe(201);
        await expectError(await post(), 409, 'conflict');
      });
    });

    describe('reports without Redis', () => {
      it('answers both report routes with 503 jobs_unavailable naming REDIS_URL, and everything else works', async () => {
        const created = await expectError(await request('/v1/reports', jsonRequest('POST', alice, { kind: 'invoice-summary' })), 503, 'jobs_unavailable');
        expect(created.message).toContain('REDIS_URL');
        const read = await expectError(await request(`/v1/reports/${NIL_UUID}`, jsonRequest('GET', alice)), 503, 'jobs_unavailable');
        expect(read.message).toContain('REDIS_URL');
        expect((await request('/v1/invoices', jsonRequest('GET', alice))).status).toBe(200);
      });

      it('still validates report requests first: 400 with every failing field, never a 500', async () => {
        const post = (body: unknown, headers: Record<string, string> = {}) => request('/v1/reports', jsonRequest('POST', alice, body, headers));
        const unknownKind = await expectError(await post({ kind: 'pie-chart', extra: 1 }), 400, 'validation_failed');
        expect(unknownKind.details?.map((detail) => detail.path).sort()).toEqual(['body', 'body.kind']);
        const backwards = await expectError(await post({ kind: 'invoice-summary', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }), 400, 'validation_failed');
        expect(backwards.details).toEqual([{ path: 'body.to', message: '`to` must be after `from`' }]);
        const tooLong = await expectError(await post({ kind: 'invoice-summary', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }), 400, 'validation_failed');
        expect(tooLong.details?.[0]?.message).toContain('366 days');
        await expectError(await post({ kind: 'invoice-summary', from: 'yesterday' }), 400, 'validation_failed');
        const badKey = await expectError(await post({ kind: 'invoice-summary' }, { 'idempotency-key': 'x'.repeat(256) }), 400, 'validation_failed');
        expect(badKey.details?.[0]?.path).toBe('header.idempotency-key');
        await expectError(await post('{"kind":'), 400, 'bad_request');
        const byId = await expectError(await request('/v1/reports/not-a-uuid', jsonRequest('GET', alice)), 400, 'validation_failed');
        expect(byId.details?.[0]?.path).toBe('path.id');
      });
    });

    describe('scopes', () => {
      const cases = [
        ['GET', '/v1/users/alice', 'users:read'],
        ['POST', '/v1/users', 'users:write'],
        ['GET', '/v1/invoices', 'invoices:read'],
        ['POST', '/v1/invoices', 'invoices:write'],
        ['GET', `/v1/invoices/${NIL_UUID}`, 'invoices:read'],
        ['POST', '/v1/reports', 'reports:write'],
        ['GET', `/v1/reports/${NIL_UUID}`, 'reports:read'],
        ['POST', '/v1/api-keys', 'keys:write'],
        ['GET', '/v1/api-keys', 'keys:read'],
        ['DELETE', `/v1/api-keys/${NIL_UUID}`, 'keys:write'],
      ] as const;
      for (const [method, path, scope] of cases) {
        it(`answers 403 on ${method} ${path} without ${scope}`, async () => {
          const token = await idp.token('alice', ALL.replace(scope, '').trim());
          const body = method === 'POST' ? {} : undefined;
          const response = await request(path, jsonRequest(method, token, body));
          expect(response.headers.get('www-authenticate')).toContain(`scope="${scope}"`);
          const error = await expectError(response, 403, 'forbidden');
          expect(error.message).toContain(scope);
        });
      }
    });

    describe('rate limiting', () => {
      it('returns 429 with Retry-After once the bucket is empty, per user and endpoint', async () => {
        let now = 1_000_000;
        const { app } = createTestApp(database, idp, { rateLimit: { store: createMemoryStore(), readPerMinute: 3, writePerMinute: 1, now: () => now } });
        const get = (token: string, path = '/v1/users/alice') => app.request(path, jsonRequest('GET', token));
        for (let i = 0; i < 3; i++) {
          const ok = await get(alice);
          expect(ok.status).toBe(200);
          expect(ok.headers.get('ratelimit-policy')).toBe('"read";q=3;w=60');
          expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^"read";r=${2 - i};t=\\d+$`));
        }
        const limited = await get(alice);
        expect(limited.headers.get('retry-after')).toBe('20');
        expect(limited.headers.get('ratelimit')).toBe('"read";r=0;t=20');
        await expectError(limited, 429, 'rate_limited');
        // The key is the route pattern, not the URL: another id does not get a fresh bucket.
        await expectError(await get(alice, '/v1/users/someone-else'), 429, 'rate_limited');
        // Other users and other endpoints have their own buckets.
        expect((await get(bob, '/v1/users/bob')).status).toBe(200);
        expect((await get(alice, '/v1/invoices')).status).toBe(200);
        // Writes are stricter: one per minute here.
        const write = () => app.request('/v1/invoices', jsonRequest('POST', alice, { amountCents: 1, currency: 'EUR', description: 'x' }));
        expect((await write()).status).toBe(201);
        await expectError(await write(), 429, 'rate_limited');
        // Tokens come back with time.
        now += 20_000;
        expect((await get(alice)).status).toBe(200);
      });
    });

    describe('rate-limit headers on every answer (what the OpenAPI document declares)', () => {
      it('sends RateLimit and RateLimit-Policy on 2xx and 4xx answers of a limited route, 401 and 413 included', async () => {
        const reader = await idp.token('alice', 'users:read');
        const cases: [string, RequestInit, number, string][] = [
          ['/v1/invoices', jsonRequest('GET', alice), 200, 'read'],
          [`/v1/invoices/${NIL_UUID}`, jsonRequest('GET', alice), 404, 'read'],
          ['/v1/invoices?limit=0', jsonRequest('GET', alice), 400, 'read'],
          ['/v1/invoices', jsonRequest('GET', reader), 403, 'read'],
          ['/v1/invoices', jsonRequest('POST', alice, { amountCents: 1, currency: 'EUR', description: 'x'.repeat(65 * 1024) }), 413, 'write'],
          ['/v1/invoices', jsonRequest('POST', alice, '{"amountCents":'), 400, 'write'],
          ['/v1/invoices', jsonRequest('GET', 'not-a-jwt'), 401, 'auth-failures'],
          ['/v1/invoices', { headers: { 'x-api-key': 'nope' } }, 401, 'auth-failures'],
          ['/health', {}, 200, 'health'],
        ];
        for (const [path, init, status, bucket] of cases) {
          const response = await request(path, init);
          expect(response.status, `${init.method ?? 'GET'} ${path}`).toBe(status);
          expect(response.headers.get('ratelimit-policy'), `${status} ${path}`).toMatch(new RegExp(`^"${bucket}";q=\\d+;w=60$`));
          expect(response.headers.get('ratelimit'), `${status} ${path}`).toMatch(new RegExp(`^"${bucket}";r=\\d+;t=\\d+$`));
        }
      });

      it('answers 429 once one address has failed authentication too often, whatever the credential', async () => {
        const { app } = createTestApp(database, idp, { rateLimit: { store: createMemoryStore(), authFailuresPerMinute: 2 } });
        for (let i = 0; i < 2; i++) await expectError(await app.request('/v1/invoices', jsonRequest('GET', 'guess')), 401, 'unauthorized');
        const limited = await app.request('/v1/invoices', { headers: { 'x-api-key': `hsk_${'0'.repeat(32)}_${'a'.repeat(43)}` } });
        expect(limited.headers.get('retry-after')).toBe('30');
        expect(limited.headers.get('ratelimit-policy')).toBe('"auth-failures";q=2;w=60');
        await expectError(limited, 429, 'rate_limited');
        // Callers that authenticate are not affected: failures alone spend that bucket.
        expect((await app.request('/v1/invoices', jsonRequest('GET', alice))).status).toBe(200);
      });

      it('limits /health per client address, in its own bucket', async () => {
        const { app } = createTestApp(database, idp, { rateLimit: { store: createMemoryStore(), healthPerMinute: 1 } });
        expect((await app.request('/health')).status).toBe(200);
        await expectError(await app.request('/health'), 429, 'rate_limited');
      });
    });

    describe('CORS', () => {
      it('sends no CORS header unless CORS_ORIGINS is configured', async () => {
        const response = await request('/v1/invoices', jsonRequest('GET', alice, undefined, { origin: 'https://app.example.com' }));
        expect(response.status).toBe(200);
        expect(response.headers.has('access-control-allow-origin')).toBe(false);
      });

      it('lets only the configured origins read answers, preflight included', async () => {
        const { app } = createTestApp(database, idp, { corsOrigins: ['https://app.example.com'] });
        const allowed = await app.request('/v1/invoices', jsonRequest('GET', alice, undefined, { origin: 'https://app.example.com' }));
        expect(allowed.status).toBe(200);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
        expect(allowed.headers.get('access-control-expose-headers')).toContain('RateLimit');
        expect(allowed.headers.get('x-content-type-options')).toBe('nosniff'); // the security set stays
        const other = await app.request('/v1/invoices', jsonRequest('GET', alice, undefined, { origin: 'https://evil.example' }));
        expect(other.headers.has('access-control-allow-origin')).toBe(false);
        const preflight = await app.request('/v1/invoices', {
          method: 'OPTIONS',
          headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
      });
    });

    describe('errors and logs', () => {
      it('logs an unknown error in full and answers a generic 500 without internals', async () => {
        const { app, logs } = createTestApp(database, idp, {
          verifyToken: async () => {
            throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
          },
        });
        const response = await app.request('/v1/users/alice', jsonRequest('GET', 'some.token.value'));
        const text = await response.clone().text();
        expect(text).not.toMatch(/secret_table|SELECT|at .*\.ts/);
        const error = await expectError(response, 500, 'internal_error');
        expect(error.message).toMatch(/trace id/);
        const logged = logs.lines.find((line) => line.msg === 'unhandled error') as { err: { message: string; stack: string } };
        expect(logged.err.message).toContain('secret_table');
        expect(logged.err.stack).toContain('api-suite.ts');
      });

      it('writes one JSON line per request with method, path, status, duration, trace and user', async () => {
        const { app, logs } = createTestApp(database, idp);
        const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
        const response = await app.request('/v1/users/alice', jsonRequest('GET', alice, undefined, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` }));
        expect(response.headers.get('x-trace-id')).toBe(traceId);
        const missing = await app.request('/nope');
        expect(missing.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
        const lines = logs.lines.filter((line) => line.msg === 'request');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatchObject({ method: 'GET', path: '/v1/users/alice', status: 200, trace_id: traceId, user_id: 'alice' });
        expect(lines[0]?.duration_ms).toEqual(expect.any(Number));
        expect(lines[1]).toMatchObject({ path: '/nope', status: 404, user_id: null });
        expect(lines[1]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
        expect(JSON.stringify(logs.lines)).not.toContain(alice);
      });

      it('logs duration_ms in milliseconds: a request held up 60 ms logs about 60, not 0.06 or 60000', async () => {
        const { app, logs } = createTestApp(database, idp, { ping: () => new Promise((resolve) => setTimeout(resolve, 60)) });
        const started = performance.now();
        expect((await app.request('/health')).status).toBe(200);
        const elapsed = performance.now() - started;
        const line = logs.lines.find((entry) => entry.msg === 'request' && entry.path === '/health');
        // Timers may fire a millisecond early; seconds would log 0.06, microseconds 60000.
        expect(line?.duration_ms).toBeGreaterThanOrEqual(59);
        expect(line?.duration_ms).toBeLessThanOrEqual(elapsed + 1);
      });
    });
  });
}
