import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Principal } from '../lib/auth/verify-token.ts';
import { InvalidTokenError } from '../lib/auth/verify-token.ts';
import type { AppEnv } from '../lib/app-env.ts';
import { AppError, ForbiddenError, UnauthorizedError } from '../lib/errors/app-error.ts';
import { clientAddress, type Bucket } from './rate-limit.ts';

export type RequireAuthOptions = {
  /** Turns a bearer token into a principal or throws `InvalidTokenError` (see `createTokenVerifier`). */
  verify: (token: string) => Promise<Principal>;
  /** Turns an `X-API-Key` value into a principal or throws `InvalidTokenError` (see `createApiKeyVerifier`). */
  verifyApiKey?: (key: string) => Promise<Principal>;
  /**
   * Failed authentications per client address (guessing tokens or keys): each 401 spends a token
   * and carries the bucket's `RateLimit` headers; once it is empty the answer is 429.
   */
  failures?: Bucket;
};

/** Run a verifier; an untrusted credential is the caller's 401, anything else our 500. */
async function authenticate(verify: (credential: string) => Promise<Principal>, credential: string): Promise<Principal> {
  try {
    return await verify(credential);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorizedError(error.message);
    throw error; // a JWKS or database outage is our failure, not the caller's: let it become a 500
  }
}

// #region auth-middleware
/**
 * Require a valid bearer JWT on every request it guards, and put the caller on `c.var.principal`.
 * Never trusts the client: the token is checked on every request (a verified token is cached
 * only until its own expiry, by the verifier).
 */
export const requireAuth = (options: RequireAuthOptions) => {
  if (typeof options?.verify !== 'function') throw new TypeError('requireAuth: options.verify must be a function');
  const { verify, verifyApiKey, failures } = options;

  /** The caller, or throws (or rejects with) `UnauthorizedError`. Not async: one promise less per request. */
  function principalOf(c: Context<AppEnv>): Promise<Principal> {
    const header = c.req.header('authorization');
    const apiKey = c.req.header('x-api-key');
    if (apiKey !== undefined && verifyApiKey) {
      // One credential per request: which one would count is not the caller's guess to make.
      if (header !== undefined) throw new UnauthorizedError('Send either a bearer token or an API key, not both');
      return authenticate(verifyApiKey, apiKey);
    }
    const match = header?.match(/^Bearer ([A-Za-z0-9_.~+/=-]+)$/i);
    if (!match?.[1]) throw new UnauthorizedError('A bearer token is required (Authorization: Bearer <token>)');
    return authenticate(verify, match[1]);
  }

  return createMiddleware<AppEnv>(async function requireAuthMiddleware(c, next) {
    let principal: Principal;
    try {
      principal = await principalOf(c);
    } catch (error) {
      // Spends a token, or throws the 429 instead once this address failed too often.
      if (error instanceof UnauthorizedError && failures) Object.assign(error.headers, await failures.take(`ip-${clientAddress(c)}`));
      throw error;
    }
    c.set('principal', principal);
    await next();
  });
};

/**
 * Allow only callers with a user's own token (JWT), never an API key: keys are for integrations,
 * and a key that could create keys would outlive any revocation.
 */
export const requireBearer = () =>
  createMiddleware<AppEnv>(async function requireBearerMiddleware(c, next) {
    if (c.get('principal')?.apiKeyId) throw new AppError('forbidden', 'API keys cannot manage API keys: call with a bearer token');
    await next();
  });

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
