import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/app-env.ts';
import { AppError } from '../lib/errors/app-error.ts';
import type { Lifecycle } from '../lib/lifecycle.ts';
import { errorResponse } from '../schemas/error.ts';
import { withResponseHeaders } from '../schemas/headers.ts';
import { HealthSchema } from '../schemas/health.ts';

export type HealthDeps = {
  /** Throws when the database cannot answer. */
  ping: () => Promise<void>;
  /**
   * Throws when Redis cannot answer; only when the service uses Redis (`REDIS_URL`). Redis down is
   * not a 503: the rate limiter lets requests through and only report creation needs it, so
   * `/health` answers 200 `degraded` with `checks.redis: 'down'`.
   */
  pingRedis?: () => Promise<void>;
  /** Told when a dependency is down but the service still answers (the app logs a warning). */
  onDegraded?: (dependency: 'redis', error: unknown) => void;
  lifecycle: Lifecycle;
  /** Rate limit per client address: each call pings the database. */
  limit?: MiddlewareHandler<AppEnv>;
  /** A ping slower than this counts as down: a health check must answer fast. */
  timeoutMs?: number;
};

/** A Redis PING as `pingRedis` expects: throws unless Redis answers PONG. */
export function redisPing(client: { ping(): Promise<string> }): () => Promise<void> {
  return async () => {
    const reply = await client.ping();
    if (reply !== 'PONG') throw new Error(`redis answered ${reply} to PING`);
  };
}

/** `ping()`, failing after `timeoutMs`. */
function within(ping: () => Promise<void>, timeoutMs: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    ping(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} ping timed out`)), timeoutMs).unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `GET /health`: 200 with a DB ping (and a Redis ping when the service uses Redis) when the
 * service can take traffic, `degraded` when only Redis is down; 503 when draining or the DB is down.
 */
export function createHealthRoutes(deps: HealthDeps) {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  const health = createRoute({
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tags: ['Operations'],
    summary: 'Liveness and readiness, with a database ping and dependency checks',
    description: 'For load balancers and orchestrators: no authentication. Pings the database and, when the service uses it (`REDIS_URL`), Redis (2 s each). 503 when the database is down, and as soon as shutdown starts, so traffic moves away while in-flight requests finish. Redis down is 200 with `status: degraded` and `checks.redis: down`: requests are still answered. Limited per client address (bucket `health`).',
    ...(deps.limit ? { middleware: [deps.limit] as const } : {}),
    responses: withResponseHeaders({
      200: { description: 'Ready: `ok`, or `degraded` when Redis is down (see `checks`).', content: { 'application/json': { schema: HealthSchema } } },
      429: errorResponse('Too many calls from this address (`rate_limited`); see `Retry-After`.'),
      500: errorResponse('Unexpected error (`internal_error`).'),
      503: errorResponse('Shutting down, or the database is down (`service_unavailable`).'),
    }),
  });
  return new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
    if (deps.lifecycle.draining) throw new AppError('service_unavailable', 'The service is shutting down');
    // Both pings at once: the answer takes at most one timeout, not the sum.
    const redis = deps.pingRedis
      ? within(deps.pingRedis, timeoutMs, 'redis').then(
          () => 'ok' as const,
          (error: unknown) => {
            deps.onDegraded?.('redis', error);
            return 'down' as const;
          },
        )
      : undefined;
    try {
      await within(deps.ping, timeoutMs, 'database');
    } catch (error) {
      throw new AppError('service_unavailable', 'The database is not reachable', { cause: error });
    }
    if (!redis) return c.json({ status: 'ok' as const, checks: { database: 'ok' as const } }, 200);
    const checks = { database: 'ok' as const, redis: await redis };
    return c.json({ status: checks.redis === 'ok' ? ('ok' as const) : ('degraded' as const), checks }, 200);
  });
}
