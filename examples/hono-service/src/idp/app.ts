import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../lib/auth/verify-token.ts';
import { SIGNING_ALG, type SigningKey } from './keys.ts';

/** Body of the dev-only `POST /token`. */
export const TokenRequestSchema = z.object({
  sub: z.string().min(1).max(128),
  scope: z.string().max(1000).default(''),
});

export type IdpOptions = {
  key: SigningKey;
  issuer: string;
  audience: string;
  /** Token lifetime in seconds; capped at the service's 15-minute rule. */
  ttlSeconds?: number;
};

/**
 * The internal identity provider, reduced to what development needs: a JWKS for verifiers and
 * a DEV-ONLY `POST /token` that signs whatever `{ sub, scope }` it is given. Never deploy it.
 */
export function createIdpApp(options: IdpOptions) {
  const ttl = options.ttlSeconds ?? MAX_TOKEN_LIFETIME_SECONDS;
  if (!(ttl > 0 && ttl <= MAX_TOKEN_LIFETIME_SECONDS)) throw new TypeError(`createIdpApp: ttlSeconds must be 1-${MAX_TOKEN_LIFETIME_SECONDS}`);
  const jwks = { keys: [options.key.publicJwk] };
  const error = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details ? { details } : {}) } });

  return new Hono()
    .get('/.well-known/jwks.json', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(jwks);
    })
    .post('/token', async (c) => {
      const raw = await c.req.json().catch(() => undefined);
      const parsed = TokenRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const details = parsed.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, message: issue.message }));
        return c.json(error('validation_failed', 'Send JSON { "sub": string, "scope": string }', details), 400);
      }
      const { sub, scope } = parsed.data;
      const accessToken = await new SignJWT({ scope })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: options.key.kid, typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${ttl}s`)
        .setJti(crypto.randomUUID())
        .sign(options.key.privateKey);
      c.header('Cache-Control', 'no-store');
      return c.json({ access_token: accessToken, token_type: 'Bearer' as const, expires_in: ttl });
    })
    .notFound((c) => c.json(error('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));
}
