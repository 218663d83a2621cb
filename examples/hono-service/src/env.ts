import { z } from 'zod';

/** Port of the dev identity provider in `src/idp/` when `IDP_PORT` is not set. */
export const DEV_IDP_PORT = 8788;

// #region env-schema
/**
 * The service's whole configuration, parsed once at boot. Anything invalid stops the process
 * before it listens, with a message naming the variable (see `parseEnv`).
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    // Unset: every interface, IPv4 and IPv6 (so `localhost` works whichever it resolves to).
    HOST: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // No DATABASE_URL means PGlite (Postgres in WASM): the example runs with zero setup.
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    // PGlite keeps its data in memory unless a directory is given.
    PGLITE_DATA_DIR: z.string().min(1).optional(),
    // Unset JWKS_URL and JWT_ISSUER point at the dev IdP (`npm run idp`) on IDP_PORT.
    IDP_PORT: z.coerce.number().int().min(1).max(65535).default(DEV_IDP_PORT),
    JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).default('hono-service'),
    // Rate-limit buckets live in Redis when set (shared by replicas), in memory otherwise.
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    // Token bucket sizes, in requests per minute per (user + endpoint).
    RATE_LIMIT_READ_PER_MINUTE: z.coerce.number().int().positive().default(300),
    RATE_LIMIT_WRITE_PER_MINUTE: z.coerce.number().int().positive().default(30),
    // Expensive work gets its own, much smaller bucket.
    RATE_LIMIT_REPORTS_PER_MINUTE: z.coerce.number().int().positive().default(5),
    // Failed authentications per client address (token or key guessing); beyond, 429.
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(60),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // Browser origins allowed to read answers (CORS), comma-separated; none by default.
    CORS_ORIGINS: z
      .string()
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }).refine((origin) => new URL(origin).origin === origin, 'Give origins only, such as https://app.example.com (no path)')))
      .default([]),
    // Background jobs (BullMQ on REDIS_URL; the worker shares DATABASE_URL with the API).
    JOBS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use letters, digits, - and _').default('hono-service'),
    JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    JOB_BACKOFF_MS: z.coerce.number().int().positive().default(1_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    // A worker that stops renewing its lock this long (crashed) has its job handed to another.
    WORKER_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    REPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    REPORT_BATCH_PAUSE_MS: z.coerce.number().int().min(0).default(0),
  })
  .transform((env) => ({
    ...env,
    JWKS_URL: env.JWKS_URL ?? `http://localhost:${env.IDP_PORT}/.well-known/jwks.json`,
    JWT_ISSUER: env.JWT_ISSUER ?? `http://localhost:${env.IDP_PORT}`,
  }));
// #endregion env-schema

/** The parsed environment. */
export type Env = z.output<typeof EnvSchema>;

/** Thrown by `parseEnv`; its message names every invalid variable and is safe to print as is. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Parse `process.env` (or any record) against `EnvSchema`.
 * Empty strings count as unset, so `PORT=` in a shell falls back to the default.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}

/** `parseEnv()`, or exit 1 naming the bad variables: a configuration mistake is not a crash. */
export function parseEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
