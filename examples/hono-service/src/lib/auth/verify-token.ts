import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UserIdSchema } from '../../schemas/users.ts';

/** Tokens are short-lived by rule: anything issued for longer than this is refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 15 * 60;

/** What the service knows about a caller once their token is verified. */
export type Principal = {
  /** The token's `sub`: the user id everywhere in the service. */
  userId: string;
  scopes: ReadonlySet<string>;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
  /** Set when the caller authenticated with an API key (an integration acting for `userId`). */
  apiKeyId?: string;
};

export type TokenVerifierOptions = {
  /** Where keys come from: `createRemoteJWKSet(url)` in production, `createLocalJWKSet` in tests. */
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Allow-list: a token whose header names another algorithm (including `none`) is refused. */
  algorithms?: string[];
  /** How many verified tokens to remember until they expire (0 turns the cache off). */
  cacheSize?: number;
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. */
  clockToleranceSeconds?: number;
  /** Injected clock (milliseconds), for tests. */
  now?: () => number;
};

/** Thrown for every token that must not be trusted; the message is safe to return to clients. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Fetch and cache the IdP's public keys from its JWKS URL (jose refetches on unknown `kid`). */
export const remoteJwks = (url: string): JWTVerifyGetKey => createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000 });

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'The token signature is not valid';
  return 'The token is not valid';
}

// #region verify-token
/**
 * Build the function that turns a bearer token into a `Principal`, or throws `InvalidTokenError`.
 *
 * Verification (signature, algorithm, `exp`, `nbf`, `iss`, `aud`, lifetime) is the hot spot of
 * every request, so a verified token is remembered until it expires: the cache key is the whole
 * token string, so a cached answer is only ever reused for the exact bytes that were verified.
 * The trade-off: a key removed from the JWKS stops new tokens at once, but tokens already seen
 * stay valid until their `exp` (15 minutes at most).
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<Principal> {
  if (typeof options?.jwks !== 'function') throw new TypeError('createTokenVerifier: options.jwks must be a JWKS key resolver');
  if (!options.issuer || !options.audience) throw new TypeError('createTokenVerifier: options.issuer and options.audience are required');
  const algorithms = options.algorithms ?? ['ES256'];
  if (algorithms.length === 0 || algorithms.some((alg) => alg.toLowerCase() === 'none')) {
    throw new TypeError('createTokenVerifier: options.algorithms must list real signing algorithms');
  }
  const cacheSize = options.cacheSize ?? 10_000;
  const tolerance = options.clockToleranceSeconds ?? 5;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Principal>();

  return async function verifyToken(token) {
    const nowSeconds = Math.floor(now() / 1000);
    const cached = cache.get(token);
    if (cached) {
      if (cached.expiresAt > nowSeconds - tolerance) return cached;
      cache.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: tolerance,
        currentDate: new Date(nowSeconds * 1000),
      }));
    } catch (error) {
      // The IdP being unreachable is our outage, not a bad token: let it surface as a 500.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) throw error;
      throw new InvalidTokenError(describe(error), { cause: error });
    }
    const { sub, exp, iat } = payload as Required<Pick<JWTPayload, 'sub' | 'exp' | 'iat'>> & JWTPayload;
    // jose checks the JSON types of `exp`, `nbf` and `iat`, but not of `sub`: a number or an object
    // would become a user id, and a NUL in it a database error (500). It must be a user id.
    if (!UserIdSchema.safeParse(sub).success) throw new InvalidTokenError('The token\'s "sub" claim is not accepted');
    if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidTokenError('The token lives longer than 15 minutes');
    if (iat > nowSeconds + tolerance) throw new InvalidTokenError('The token is issued in the future');
    const principal: Principal = { userId: sub, scopes: new Set(parseScopes(payload)), expiresAt: exp };
    if (cacheSize > 0) {
      // Bounded: drop the oldest entry (Map keeps insertion order) rather than grow without limit.
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(token, principal);
    }
    return principal;
  };
}
// #endregion verify-token

/** Scopes come as a space-separated `scope` string (RFC 8693) or an `scp` array (Azure AD style). */
function parseScopes(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  if (Array.isArray(payload.scp)) return payload.scp.filter((scope): scope is string => typeof scope === 'string');
  return [];
}
