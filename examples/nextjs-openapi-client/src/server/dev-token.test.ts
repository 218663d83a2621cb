import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { getDevToken, TokenUnavailableError } from './dev-token.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A fake IdP that counts calls and answers token-1, token-2, ... */
function fakeIdp(expiresIn = 900) {
  const calls: unknown[] = [];
  globalThis.fetch = async (_url, init) => {
    calls.push(JSON.parse(String(init?.body)));
    return Response.json({ access_token: `token-${calls.length}`, token_type: 'Bearer', expires_in: expiresIn });
  };
  return calls;
}

test('asks the IdP once for concurrent callers and caches the token', async () => {
  const calls = fakeIdp();
  const options = { idpUrl: 'http://idp.test/a', sub: 'alice', scope: 'invoices:read' };
  const tokens = await Promise.all([getDevToken(options), getDevToken(options), getDevToken(options)]);
  assert.deepEqual(tokens, ['token-1', 'token-1', 'token-1']);
  assert.equal(await getDevToken(options), 'token-1');
  assert.deepEqual(calls, [{ sub: 'alice', scope: 'invoices:read' }]);
});

test('fetches a new token when asked for a fresh one, or when it is about to expire', async () => {
  const calls = fakeIdp(20); // under the 30 s renewal margin: never reused
  const options = { idpUrl: 'http://idp.test/b', sub: 'bob', scope: '' };
  assert.equal(await getDevToken(options), 'token-1');
  assert.equal(await getDevToken(options), 'token-2');
  assert.equal(await getDevToken({ ...options, fresh: true }), 'token-3');
  assert.equal(calls.length, 3);
});

test('reports an unreachable IdP as TokenUnavailableError and does not cache the failure', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('fetch failed');
  };
  const options = { idpUrl: 'http://idp.test/c', sub: 'carol', scope: '' };
  await assert.rejects(getDevToken(options), TokenUnavailableError);
  fakeIdp();
  assert.equal(await getDevToken(options), 'token-1');
});
