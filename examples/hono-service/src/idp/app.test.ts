import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, customFetch, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../lib/auth/verify-token.ts';
import { createIdpApp } from './app.ts';
import { generateSigningKey, loadOrCreateSigningKey } from './keys.ts';

describe('dev identity provider', () => {
  it('issues { access_token, token_type, expires_in } that the service verifies against its JWKS', async () => {
    const key = await generateSigningKey();
    const idp = createIdpApp({ key, issuer: 'http://localhost:8788', audience: 'hono-service' });
    const response = await idp.request('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'alice', scope: 'users:read' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    const claims = decodeJwt(body.access_token);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);

    // The service's verifier, fetching the JWKS from the IdP app itself.
    const jwks = createRemoteJWKSet(new URL('http://idp.test/.well-known/jwks.json'), {
      [customFetch]: async (url) => idp.request(new URL(url).pathname),
    });
    const verify = createTokenVerifier({ jwks, issuer: 'http://localhost:8788', audience: 'hono-service' });
    const principal = await verify(body.access_token);
    expect(principal.userId).toBe('alice');
    expect([...principal.scopes]).toEqual(['users:read']);
  });

  it('answers a bad token request with 400 in the error shape', async () => {
    const idp = createIdpApp({ key: await generateSigningKey(), issuer: 'i', audience: 'a' });
    const response = await idp.request('/token', { method: 'POST', body: '{"scope":1}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('creates its key on first run and reuses it afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'idp-'));
    try {
      const first = await loadOrCreateSigningKey(dir);
      const second = await loadOrCreateSigningKey(dir);
      expect(second.kid).toBe(first.kid);
      expect(second.publicJwk).toEqual(first.publicJwk);
      expect(second.publicJwk).not.toHaveProperty('d');
      expect(JSON.parse(await readFile(join(dir, 'signing-key.json'), 'utf8'))).toHaveProperty('d');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
