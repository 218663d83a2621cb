import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AUDIENCE, ISSUER } from './idp.ts';
import { call, expectError } from './http.ts';
import type { Context } from './run.ts';
import { AUTH_FAILURES_PER_MINUTE } from './services.ts';

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const ALL = 'users:read users:write invoices:read invoices:write';

/** Authentication (every way a token can be wrong) and per-endpoint scopes. */
export function authChecks(ctx: Context) {
  const getUser = (token?: string, headers?: Record<string, string>) => call(ctx().service.baseUrl, 'GET', `/v1/users/${ctx().users.alice.id}`, { token, headers });
  const now = () => Math.floor(Date.now() / 1000);

  it('answers a request without a token with 401, WWW-Authenticate: Bearer and the error shape', async () => {
    const response = await getUser();
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    await expectError(response, 401, 'unauthorized');
  });

  const bad: [string, () => Promise<string | undefined>, Record<string, string>?][] = [
    ['a Basic Authorization header', async () => undefined, { authorization: 'Basic YWxpY2U6c2VjcmV0' }],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
    ['an expired token', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL, iat: now() - 600, nbf: now() - 600, exp: now() - 60 })],
    ['a token not valid yet (nbf)', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL, nbf: now() + 120 })],
    ['a token for another audience', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL, aud: 'another-service' })],
    ['a token from another issuer', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL, iss: 'https://evil.test' })],
    ['a forged token (right kid, other key)', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL }, { forged: true })],
    ['a token signed by a key not in the JWKS', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL }, { forged: true, header: { kid: 'unknown-key' } })],
    ['a token living longer than 15 minutes', () => ctx().idp.sign({ sub: ctx().users.alice.id, scope: ALL, iat: now(), exp: now() + 16 * 60 })],
    ['a token without sub', () => ctx().idp.sign({ scope: ALL })],
    [
      'an unsigned token (alg: none)',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const claims = { sub: ctx().users.alice.id, scope: ALL, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 60 };
        return `${encode({ alg: 'none', typ: 'JWT', kid: ctx().idp.kid })}.${encode(claims)}.`;
      },
    ],
  ];
  for (const [what, token, headers] of bad) {
    it(`answers ${what} with 401 in the error shape, counted against the address`, async () => {
      const response = await getUser(await token(), headers);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(response.headers.get('ratelimit-policy'), `"auth-failures";q=${AUTH_FAILURES_PER_MINUTE};w=60`);
      await expectError(response, 401, 'unauthorized', what);
    });
  }

  const scoped = [
    ['GET', '/v1/users/{id}', 'users:read'],
    ['POST', '/v1/users', 'users:write'],
    ['GET', '/v1/invoices', 'invoices:read'],
    ['POST', '/v1/invoices', 'invoices:write'],
    ['GET', '/v1/invoices/{id}', 'invoices:read'],
  ] as const;
  for (const [method, template, scope] of scoped) {
    it(`answers ${method} ${template} without ${scope} with 403 naming the scope`, async () => {
      const path = template.replace('{id}', template.startsWith('/v1/users') ? ctx().users.alice.id : NIL_UUID);
      const token = await ctx().idp.token(ctx().users.alice.id, ALL.replace(scope, '').trim());
      const response = await call(ctx().service.baseUrl, method, path, { token, body: method === 'POST' ? {} : undefined });
      assert.match(response.headers.get('www-authenticate') ?? '', new RegExp(`scope="${scope}"`));
      // The route's limiter runs before its scope check: the 403 carries its bucket's headers.
      assert.match(response.headers.get('ratelimit-policy') ?? '', new RegExp(`^"${method === 'GET' ? 'read' : 'write'}";q=\\d+;w=60$`));
      const error = await expectError(response, 403, 'forbidden');
      assert.match(error.message, new RegExp(scope));
    });
  }

  // Last of the suite: from here on this address's failed authentications answer 429.
  it('answers 429 once an address failed authentication too often (guessing)', async () => {
    let response: Response | undefined;
    for (let attempt = 0; attempt <= AUTH_FAILURES_PER_MINUTE; attempt++) {
      response = await getUser(`guess-${attempt}`);
      if (response.status === 429) break;
      await response.arrayBuffer();
    }
    assert.ok(response);
    assert.ok(Number(response.headers.get('retry-after')) >= 1);
    await expectError(response, 429, 'rate_limited');
  });
}
