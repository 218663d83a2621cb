import assert from 'node:assert/strict';
import { it } from 'node:test';
import { call, expectError, uniqueUser } from './http.ts';
import type { CheckOptions, Context } from './run.ts';
import { READ_PER_MINUTE } from './services.ts';

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type User = { id: string; email: string; name: string; createdAt: string };
type Invoice = { id: string; userId: string; amountCents: number; currency: string; description: string; status: string; createdAt: string };

/** Users and invoices: bodies, ownership, validation details, rate limits, hostile input. */
export function resourceChecks(ctx: Context, options: CheckOptions = () => ({})) {
  const post = (path: string, token: string, body: unknown) => call(ctx().service.baseUrl, 'POST', path, { token, body });
  const get = (path: string, token: string) => call(ctx().service.baseUrl, 'GET', path, { token });
  const paths = (error: { details?: { path: string }[] }) => (error.details ?? []).map((detail) => detail.path).sort();

  it('registers the caller (201, id = sub) and reads the same user back', async () => {
    const { alice, bob } = ctx().users;
    const created = await post('/v1/users', alice.token, { email: `${alice.id}@example.com`, name: 'Alice' });
    assert.equal(created.status, 201);
    const user = (await created.json()) as User;
    assert.deepEqual(Object.keys(user).sort(), ['createdAt', 'email', 'id', 'name']);
    assert.deepEqual([user.id, user.email, user.name], [alice.id, `${alice.id}@example.com`, 'Alice']);
    assert.match(user.createdAt, ISO_DATETIME);
    const read = await get(`/v1/users/${alice.id}`, alice.token);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), user);
    assert.equal((await post('/v1/users', bob.token, { email: `${bob.id}@example.com`, name: 'Bob' })).status, 201);
  });

  it('answers 409 when the user or the email is already registered', async () => {
    const { alice, carol } = ctx().users;
    await expectError(await post('/v1/users', alice.token, { email: 'other@example.com', name: 'A' }), 409, 'conflict');
    await expectError(await post('/v1/users', carol.token, { email: `${alice.id}@example.com`, name: 'C' }), 409, 'conflict');
  });

  it("answers 404 for another user's profile, and lets users:admin read it", async () => {
    const { alice, bob } = ctx().users;
    await expectError(await get(`/v1/users/${bob.id}`, alice.token), 404, 'not_found');
    const admin = await ctx().idp.token(uniqueUser('admin'), 'users:read users:admin');
    assert.equal(((await (await get(`/v1/users/${bob.id}`, admin)).json()) as User).id, bob.id);
    await expectError(await get(`/v1/users/${uniqueUser('nobody')}`, admin), 404, 'not_found');
  });

  it('lists every failing field of a body as body.* details, unknown fields included', async () => {
    const { carol } = ctx().users;
    const error = await expectError(await post('/v1/users', carol.token, { email: 'not-an-email', extra: 1 }), 400, 'validation_failed');
    const found = paths(error);
    assert.ok(found.includes('body.email') && found.includes('body.name'), found.join(', '));
    // Zod reports an unknown key on the object (`body`), Pydantic on the key itself (`body.extra`).
    assert.ok(found.includes('body') || found.includes('body.extra'), found.join(', '));
  });

  it('answers malformed JSON with 400 bad_request and wrong types with 400 validation_failed', async () => {
    const { carol } = ctx().users;
    await expectError(await post('/v1/users', carol.token, '{"email":'), 400, 'bad_request');
    for (const body of [[], 12, { email: 12, name: 'x' }, { email: `${carol.id}@example.com`, name: ['x'] }]) {
      await expectError(await post('/v1/users', carol.token, body), 400, 'validation_failed', JSON.stringify(body));
    }
  });

  it('refuses NUL in text and control characters in ids with 400 naming the field', async () => {
    const { carol } = ctx().users;
    const error = await expectError(await post('/v1/users', carol.token, { email: `${carol.id}@example.com`, name: 'A\u0000B' }), 400, 'validation_failed');
    assert.deepEqual(paths(error), ['body.name']);
    const admin = await ctx().idp.token(uniqueUser('admin'), 'users:read users:admin');
    assert.deepEqual(paths(await expectError(await get('/v1/users/a%0Ab', admin), 400, 'validation_failed')), ['path.id']);
  });

  it('refuses an invoice for a caller who has not registered (409)', async () => {
    const erin = await ctx().idp.token(uniqueUser('erin'), 'invoices:write');
    await expectError(await post('/v1/invoices', erin, { amountCents: 100, currency: 'EUR', description: 'x' }), 409, 'conflict');
  });

  it('creates invoices owned by the caller, refuses a userId field, and hides them from other users (404)', async () => {
    const { alice, bob } = ctx().users;
    const created = await post('/v1/invoices', alice.token, { amountCents: 12_500, currency: 'EUR', description: 'Consulting, March' });
    assert.equal(created.status, 201);
    const invoice = (await created.json()) as Invoice;
    assert.deepEqual(Object.keys(invoice).sort(), ['amountCents', 'createdAt', 'currency', 'description', 'id', 'status', 'userId']);
    assert.deepEqual([invoice.userId, invoice.amountCents, invoice.status], [alice.id, 12_500, 'draft']);
    assert.match(invoice.id, UUID);
    assert.match(invoice.createdAt, ISO_DATETIME);
    await expectError(await post('/v1/invoices', alice.token, { amountCents: 1, currency: 'EUR', description: 'x', userId: bob.id }), 400, 'validation_failed');
    assert.equal((await post('/v1/invoices', bob.token, { amountCents: 900, currency: 'USD', description: "Bob's", status: 'open' })).status, 201);

    const read = await get(`/v1/invoices/${invoice.id}`, alice.token);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), invoice);
    const cross = await expectError(await get(`/v1/invoices/${invoice.id}`, bob.token), 404, 'not_found');
    const unknown = await expectError(await get(`/v1/invoices/${NIL_UUID}`, bob.token), 404, 'not_found');
    assert.deepEqual(cross, unknown, "another user's invoice must look exactly like a missing one");

    const mine = (await (await get('/v1/invoices', alice.token)).json()) as { items: Invoice[] };
    assert.deepEqual(mine.items.map((item) => item.userId), [alice.id]);
    assert.equal(((await (await get('/v1/invoices?status=open', bob.token)).json()) as { items: Invoice[] }).items.length, 1);
    assert.deepEqual(await (await get('/v1/invoices?status=draft', bob.token)).json(), { items: [] });
  });

  it('reports invalid path and query values as path.* and query.* details', async () => {
    const { bob } = ctx().users;
    const byId = await expectError(await get('/v1/invoices/not-a-uuid', bob.token), 400, 'validation_failed');
    assert.deepEqual(paths(byId), ['path.id']);
    const list = await expectError(await get('/v1/invoices?limit=0&status=lost', bob.token), 400, 'validation_failed');
    assert.deepEqual(paths(list), ['query.limit', 'query.status']);
    const body = await expectError(await post('/v1/invoices', bob.token, { amountCents: '12', currency: 'eur', description: 'x' }), 400, 'validation_failed');
    assert.deepEqual(paths(body), ['body.amountCents', 'body.currency']);
  });

  it('answers hostile path parameters with a 4xx in the error shape, never a 500', options('hostile-path-parameters'), async () => {
    const admin = await ctx().idp.token(uniqueUser('admin'), 'users:read users:admin invoices:read');
    const hostile = ["/v1/invoices/' OR 1=1 --", '/v1/invoices/%00', `/v1/invoices/${'9'.repeat(5000)}`, `/v1/users/${'a'.repeat(129)}`, '/v1/users/%00', '/v1/users/..%2F..%2Fetc%2Fpasswd'];
    for (const path of hostile) {
      const response = await get(path, admin);
      assert.ok(response.status >= 400 && response.status < 500, `${path.slice(0, 40)} → ${response.status}`);
      const text = await response.text();
      assert.doesNotMatch(text, /Traceback|SELECT|syntax error/i);
      assert.ok('error' in JSON.parse(text), path.slice(0, 40));
    }
  });

  it('returns 429 with Retry-After and RateLimit headers once the bucket of this user and endpoint is empty', async () => {
    const dave = { id: uniqueUser('dave') };
    const token = await ctx().idp.token(dave.id, 'users:read invoices:read');
    for (let i = 0; i < READ_PER_MINUTE; i++) {
      const response = await get(`/v1/users/${dave.id}`, token);
      await response.arrayBuffer();
      assert.equal(response.headers.get('ratelimit-policy'), `"read";q=${READ_PER_MINUTE};w=60`);
      assert.match(response.headers.get('ratelimit') ?? '', new RegExp(`^"read";r=${READ_PER_MINUTE - 1 - i};t=\\d+$`));
    }
    const limited = await get(`/v1/users/${dave.id}`, token);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${limited.headers.get('retry-after')}`);
    assert.equal(limited.headers.get('ratelimit'), `"read";r=0;t=${retryAfter}`);
    await expectError(limited, 429, 'rate_limited');
    // The bucket is per endpoint pattern: another id on the same route is still limited...
    await expectError(await get(`/v1/users/${uniqueUser('other')}`, token), 429, 'rate_limited');
    // ...another endpoint and another user are not.
    assert.equal((await get('/v1/invoices', token)).status, 200);
    assert.notEqual((await get(`/v1/users/${ctx().users.bob.id}`, ctx().users.bob.token)).status, 429);
  });
}
