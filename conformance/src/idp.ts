import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const ISSUER = 'https://idp.conformance.test';
export const AUDIENCE = 'conformance';

/** A signing key with the public JWK a service finds in the JWKS. */
type Key = { privateKey: CryptoKey; publicJwk: JWK; kid: string };

async function generateKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, kid, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/**
 * The suite's own identity provider: an ES256 key pair, its JWKS over HTTP on loopback (what a
 * service's JWKS_URL points at), and a signer that can mint every token the checks need, expired
 * and forged ones included. Both services take JWKS_URL, JWT_ISSUER and JWT_AUDIENCE.
 */
export async function startIdp() {
  const key = await generateKey('conformance-key');
  const stranger = await generateKey('conformance-key'); // same kid, other key material
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;

  /** A token with the usual claims (5 minutes, this issuer and audience) unless `claims` overrides them. */
  const sign = (claims: JWTPayload & { scope?: string }, options: { forged?: boolean; header?: Record<string, unknown> } = {}) => {
    const signer = options.forged ? stranger : key;
    const now = Math.floor(Date.now() / 1000);
    const payload = Object.fromEntries(
      Object.entries({ iss: ISSUER, aud: AUDIENCE, iat: now, nbf: now, exp: now + 300, ...claims }).filter(([, value]) => value !== undefined),
    );
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: signer.kid, ...options.header }).sign(signer.privateKey);
  };
  const token = (sub: string, scope: string) => sign({ sub, scope });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { jwksUrl, sign, token, close, kid: key.kid };
}

export type Idp = Awaited<ReturnType<typeof startIdp>>;
