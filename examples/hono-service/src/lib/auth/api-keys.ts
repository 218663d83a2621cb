import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';
import { InvalidTokenError, type Principal } from './verify-token.ts';

/**
 * An API key is `hsk_<id: 32 hex>_<secret: 43 base64url>`: the id finds the row, the secret
 * (256 random bits) proves possession. Anything else, including anything longer, is malformed.
 */
const API_KEY_FORMAT = /^hsk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_LENGTH = 80;

/**
 * SHA-256 of the secret, hex. A fast hash is right here, unlike for passwords: the secret is 256
 * random bits, so no dictionary or brute force applies, and a slow hash would only tax every call.
 */
export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A hash no secret has: compared against when the id is unknown, so both paths do the same work. */
const NO_KEY_HASH = hashApiKeySecret(randomBytes(32).toString('base64url'));

/** A new key: the full value (shown once), its row id, and the hash that is the only thing stored. */
export function generateApiKey(): { id: string; key: string; secretHash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `hsk_${id.replaceAll('-', '')}_${secret}`, secretHash: hashApiKeySecret(secret) };
}

/** The first characters of a key, enough for its owner to tell keys apart in a list. */
export const apiKeyPrefix = (id: string): string => `hsk_${id.replaceAll('-', '').slice(0, 8)}`;

// #region api-key-verify
/**
 * Build the function that turns an `X-API-Key` value into the `Principal` of the user who made
 * the key, with the key's scopes only, or throws `InvalidTokenError`. The secret's hash is compared
 * in constant time (`timingSafeEqual`), and revoked or expired keys are refused on every request:
 * nothing is cached, so a revocation takes effect at once.
 */
export function createApiKeyVerifier(options: { db: Database; now?: () => number }): (value: string) => Promise<Principal> {
  if (!options?.db) throw new TypeError('createApiKeyVerifier: options.db is required');
  const { db } = options;
  const now = options.now ?? Date.now;
  return async function verifyApiKey(value) {
    const match = value.length === API_KEY_LENGTH ? API_KEY_FORMAT.exec(value) : null;
    if (!match) throw new InvalidTokenError('The API key is malformed');
    const [hex, secret] = [match[1]!, match[2]!];
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
    const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
    const matches = timingSafeEqual(presented, Buffer.from(row?.secretHash ?? NO_KEY_HASH, 'hex'));
    if (!row || !matches) throw new InvalidTokenError('The API key is not valid');
    // Only someone holding the secret learns why a real key is refused.
    if (row.revokedAt) throw new InvalidTokenError('The API key has been revoked');
    if (row.expiresAt.getTime() <= now()) throw new InvalidTokenError('The API key has expired');
    return { userId: row.userId, scopes: new Set(row.scopes), expiresAt: Math.floor(row.expiresAt.getTime() / 1000), apiKeyId: row.id };
  };
}
// #endregion api-key-verify
