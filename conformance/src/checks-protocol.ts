import assert from 'node:assert/strict';
import { it } from 'node:test';
import { call, expectError } from './http.ts';
import type { Context } from './run.ts';
import { CORS_ORIGIN } from './services.ts';

/** The security headers of every API response, names and values exactly (hono-service's set). */
export const API_SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
// Headers that vary per response, and those the HTTP server itself adds (Node's keep-alive pair,
// uvicorn's `server`): anything else on an API response would be an unreviewed addition.
const PER_RESPONSE = new Set(['vary', 'access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-credentials', 'content-type', 'content-length', 'x-trace-id', 'ratelimit', 'ratelimit-policy', 'retry-after', 'allow', 'www-authenticate']);
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'server']);

/** Health, headers, routing, body limit, trace id and the request log line. */
export function protocolChecks(ctx: Context) {
  it('answers GET /health with 200 and the database check, limited per address', async () => {
    const response = await call(ctx().service.baseUrl, 'GET', '/health');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('ratelimit-policy') ?? '', /^"health";q=\d+;w=60$/);
    // REDIS_URL is cleared (services.ts): a service lists only the dependencies it uses, so no `redis`.
    assert.deepEqual(await response.json(), { status: 'ok', checks: { database: 'ok' } });
  });

  it('lets only the configured origin read answers (CORS)', async () => {
    const allowed = await call(ctx().service.baseUrl, 'GET', '/health', { headers: { origin: CORS_ORIGIN } });
    await allowed.arrayBuffer();
    assert.equal(allowed.headers.get('access-control-allow-origin'), CORS_ORIGIN);
    const other = await call(ctx().service.baseUrl, 'GET', '/health', { headers: { origin: 'https://evil.example' } });
    await other.arrayBuffer();
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('sends exactly the API security headers on 200, 401, 404 and 405 responses', async () => {
    const { service, users } = ctx();
    const cases: [string, string, string | undefined, number][] = [
      ['GET', '/health', undefined, 200],
      ['GET', `/v1/users/${users.alice.id}`, users.alice.token, 404],
      ['GET', '/v1/invoices', undefined, 401],
      ['DELETE', '/v1/invoices', users.alice.token, 405],
      ['GET', '/nope', undefined, 404],
    ];
    for (const [method, path, token, status] of cases) {
      const response = await call(service.baseUrl, method, path, { token });
      await response.arrayBuffer();
      assert.equal(response.status, status, `${method} ${path}`);
      const rest = Object.fromEntries([...response.headers].filter(([name]) => !PER_RESPONSE.has(name) && !TRANSPORT.has(name)));
      assert.deepEqual(rest, API_SECURITY_HEADERS, `${method} ${path}`);
      assert.match(response.headers.get('x-trace-id') ?? '', /^[0-9a-f]{32}$/);
    }
  });

  it('answers unknown routes with 404 in the error shape, /v2 included', async () => {
    const { service, users } = ctx();
    await expectError(await call(service.baseUrl, 'GET', '/nope'), 404, 'not_found');
    await expectError(await call(service.baseUrl, 'GET', '/v2/users/alice', { token: users.alice.token }), 404, 'not_found');
  });

  it('answers a wrong method with 405 and an Allow header naming every method of the path', async () => {
    const { service, users } = ctx();
    const invoices = await call(service.baseUrl, 'DELETE', '/v1/invoices', { token: users.alice.token });
    const allow = (response: Response) => new Set((response.headers.get('allow') ?? '').split(',').map((method) => method.trim()));
    assert.deepEqual(allow(invoices), new Set(['GET', 'POST', 'HEAD']));
    await expectError(invoices, 405, 'method_not_allowed');
    const user = await call(service.baseUrl, 'PUT', `/v1/users/${users.alice.id}`, { token: users.alice.token });
    assert.deepEqual(allow(user), new Set(['GET', 'HEAD']));
    await expectError(user, 405, 'method_not_allowed');
    await expectError(await call(service.baseUrl, 'DELETE', '/health'), 405, 'method_not_allowed');
  });

  it('answers a body over 64 KB with 413 in the error shape', async () => {
    const { service, users } = ctx();
    const body = { amountCents: 1, currency: 'EUR', description: 'x'.repeat(65 * 1024) };
    await expectError(await call(service.baseUrl, 'POST', '/v1/invoices', { token: users.alice.token, body }), 413, 'payload_too_large');
  });

  it('echoes the traceparent trace id and logs one JSON line with method, path, status, duration, trace and user', async () => {
    const { service, users } = ctx();
    const traceId = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const response = await call(service.baseUrl, 'GET', `/v1/users/${users.alice.id}`, {
      token: users.alice.token,
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    await response.arrayBuffer();
    assert.equal(response.headers.get('x-trace-id'), traceId);
    // The line is written as the response leaves: give the pipe a moment.
    let line: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 20 && !line; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      line = service
        .stdout()
        .split('\n')
        .filter((text) => text.startsWith('{'))
        .map((text) => JSON.parse(text) as Record<string, unknown>)
        .find((entry) => entry.trace_id === traceId);
    }
    assert.ok(line, `no log line with trace_id ${traceId}`);
    assert.equal(line.method, 'GET');
    assert.equal(line.path, `/v1/users/${users.alice.id}`);
    assert.equal(line.status, 404);
    assert.equal(typeof line.duration_ms, 'number');
    assert.equal(line.user_id, users.alice.id);
    assert.ok(!service.stdout().includes(users.alice.token), 'a token reached the log');
  });
}
