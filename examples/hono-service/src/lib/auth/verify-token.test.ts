import { createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../idp/keys.ts';
import { createTokenVerifier, InvalidTokenError } from './verify-token.ts';

const base = { issuer: 'https://idp.test', audience: 'svc' };

async function setup(cacheSize?: number) {
  const key = await generateSigningKey();
  const local = createLocalJWKSet({ keys: [key.publicJwk] });
  let keyLookups = 0;
  const jwks: JWTVerifyGetKey = (header, token) => {
    keyLookups++;
    return local(header, token);
  };
  let nowMs = Date.now();
  const verify = createTokenVerifier({ ...base, jwks, cacheSize, now: () => nowMs });
  const sign = (lifetime = 300, alg = 'ES256') => {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ scope: 'a:read b:write' })
      .setProtectedHeader({ alg, kid: key.kid })
      .setSubject('alice')
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetime)
      .sign(key.privateKey);
  };
  return { verify, sign, lookups: () => keyLookups, advance: (ms: number) => (nowMs += ms) };
}

describe('createTokenVerifier', () => {
  it('returns the principal with its scopes', async () => {
    const { verify, sign } = await setup();
    const principal = await verify(await sign());
    expect(principal.userId).toBe('alice');
    expect([...principal.scopes]).toEqual(['a:read', 'b:write']);
  });

  it('verifies a token once and serves repeats from the cache until it expires', async () => {
    const { verify, sign, lookups, advance } = await setup();
    const token = await sign(60);
    await verify(token);
    await verify(token);
    await verify(token);
    expect(lookups()).toBe(1);
    advance(70_000);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it('never serves a cached answer for different bytes', async () => {
    const { verify, sign } = await setup();
    const token = await sign();
    await verify(token);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(tampered)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('keeps the cache bounded', async () => {
    const { verify, sign, lookups } = await setup(2);
    const tokens = [await sign(100), await sign(200), await sign(300)];
    for (const token of tokens) await verify(token);
    await verify(tokens[0]!); // evicted by the third: verified again
    expect(lookups()).toBe(4);
  });

  it('refuses options that would accept unsigned tokens', () => {
    expect(() => createTokenVerifier({ ...base, jwks: (() => {}) as never, algorithms: ['none'] })).toThrow(TypeError);
    expect(() => createTokenVerifier({ ...base, jwks: undefined as never })).toThrow(/jwks/);
  });

  it('lets an unreachable JWKS surface as an error, not as a bad token', async () => {
    const { sign } = await setup();
    const verify = createTokenVerifier({
      ...base,
      jwks: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await verify(await sign()).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
  });
});
