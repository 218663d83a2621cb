import { createMiddleware } from 'hono/factory';
import type { Principal } from '../lib/auth/verify-token.ts';
import { InvalidTokenError } from '../lib/auth/verify-token.ts';
import type { AppEnv } from '../lib/app-env.ts';
import { ForbiddenError, UnauthorizedError } from '../lib/errors/app-error.ts';

export type RequireAuthOptions = {
  /** Turns a bearer token into a principal or throws `InvalidTokenError` (see `createTokenVerifier`). */
  verify: (token: string) => Promise<Principal>;
};

// #region auth-middleware
/**
 * Require a valid bearer JWT on every request it guards, and put the caller on `c.var.principal`.
 * Never trusts the client: the token is checked on every request (a verified token is cached
 * only until its own expiry, by the verifier).
 */
export const requireAuth = (options: RequireAuthOptions) => {
  if (typeof options?.verify !== 'function') throw new TypeError('requireAuth: options.verify must be a function');
  const { verify } = options;
  return createMiddleware<AppEnv>(async function requireAuthMiddleware(c, next) {
    const header = c.req.header('authorization');
    const match = header?.match(/^Bearer ([A-Za-z0-9_.~+/=-]+)$/i);
    if (!match?.[1]) throw new UnauthorizedError('A bearer token is required (Authorization: Bearer <token>)');
    try {
      c.set('principal', await verify(match[1]));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedError(error.message);
      throw error; // a JWKS outage is our failure, not the caller's: let it become a 500
    }
    await next();
  });
};

/**
 * Require one scope on this endpoint; permissions are re-checked per endpoint, never assumed.
 *
 * @example createRoute({ ..., middleware: [requireScope('invoices:write')] })
 */
export const requireScope = (scope: string) => {
  if (!/^[a-z]+:[a-z]+$/.test(scope)) throw new TypeError(`requireScope: "${scope}" is not a "resource:action" scope`);
  return createMiddleware<AppEnv>(async function requireScopeMiddleware(c, next) {
    const principal = c.get('principal');
    if (!principal) throw new UnauthorizedError();
    if (!principal.scopes.has(scope)) throw new ForbiddenError(scope);
    await next();
  });
};
// #endregion auth-middleware
