import { createLocalJWKSet, SignJWT, type JWTPayload } from 'jose';
import { createServer, type AddressInfo } from 'node:net';
import postgres from 'postgres';
import { createApp, type AppDeps } from '../src/app.ts';
import { createTokenVerifier } from '../src/lib/auth/verify-token.ts';
import { openDatabase, type DatabaseHandle } from '../src/lib/db/client.ts';
import { createLogger } from '../src/lib/logger.ts';
import { generateSigningKey, type SigningKey } from '../src/idp/keys.ts';

/**
 * A TCP port nothing listens on now, chosen by the OS (listen on 0, read it, close). A random
 * number in a range can land on another suite's server, or on a port the IdP of a parallel
 * test file already holds, and the child then exits with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const ISSUER = 'https://idp.test';
export const AUDIENCE = 'hono-service';

/** An in-process IdP for tests: a key pair, its JWKS, and a signer with overridable claims. */
export async function createTestIdp() {
  const key = await generateSigningKey();
  const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
  const sign = (claims: JWTPayload & { scope?: string }, options: { key?: SigningKey; header?: Record<string, unknown> } = {}) => {
    const signingKey = options.key ?? key;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now, nbf: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, ...options.header })
      .sign(signingKey.privateKey);
  };
  /** A token for `sub` with the given space-separated scopes. */
  const token = (sub: string, scope: string) => sign({ sub, scope });
  return { key, jwks, sign, token };
}

/** Captures pino output as parsed objects. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { lines, logger };
}

// #region test-database
/** The database under test: PGlite in memory, or a fresh PostgreSQL database dropped afterwards. */
export async function openTestDatabase(url?: string, options: { max?: number } = {}): Promise<DatabaseHandle & { url?: string }> {
  if (!url) return openDatabase();
  // Each run gets its own database so runs never see each other's rows.
  const name = `hono_service_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: testUrl.toString(), max: options.max ?? 5 });
  return {
    ...handle,
    // For another process (the worker) to open the same database.
    url: testUrl.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
// #endregion test-database

/** Build the real app around a test database and an in-process IdP. */
export function createTestApp(database: DatabaseHandle, idp: Awaited<ReturnType<typeof createTestIdp>>, overrides: Partial<AppDeps> = {}) {
  const logs = captureLogs();
  const app = createApp({
    db: database.db,
    ping: database.ping,
    verifyToken: createTokenVerifier({ jwks: idp.jwks, issuer: ISSUER, audience: AUDIENCE }),
    logger: logs.logger,
    rateLimit: { readPerMinute: 10_000, writePerMinute: 10_000, reportsPerMinute: 10_000, authFailuresPerMinute: 10_000, healthPerMinute: 10_000 },
    ...overrides,
  });
  return { app, logs };
}

/** JSON request helper for `app.request`. */
export function jsonRequest(method: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
}
