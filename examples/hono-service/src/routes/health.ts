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
  lifecycle: Lifecycle;
  /** Rate limit per client address: each call pings the database. */
  limit?: MiddlewareHandler<AppEnv>;
  /** A ping slower than this counts as down: a health check must answer fast. */
  timeoutMs?: number;
};

/** `GET /health`: 200 with a DB ping when the service can take traffic, 503 otherwise. */
export function createHealthRoutes(deps: HealthDeps) {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  const health = createRoute({
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tags: ['Operations'],
    summary: 'Liveness and readiness, with a database ping',
    description: 'For load balancers and orchestrators: no authentication. 503 as soon as shutdown starts, so traffic moves away while in-flight requests finish. Limited per client address (bucket `health`).',
    ...(deps.limit ? { middleware: [deps.limit] as const } : {}),
    responses: withResponseHeaders({
      200: { description: 'Ready.', content: { 'application/json': { schema: HealthSchema } } },
      429: errorResponse('Too many calls from this address (`rate_limited`); see `Retry-After`.'),
      500: errorResponse('Unexpected error (`internal_error`).'),
      503: errorResponse('Shutting down, or the database is down (`service_unavailable`).'),
    }),
  });
  return new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
    if (deps.lifecycle.draining) throw new AppError('service_unavailable', 'The service is shutting down');
    try {
      await Promise.race([
        deps.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), timeoutMs).unref()),
      ]);
    } catch (error) {
      throw new AppError('service_unavailable', 'The database is not reachable', { cause: error });
    }
    return c.json({ status: 'ok' as const, checks: { database: 'ok' as const } }, 200);
  });
}
