import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/app-env.ts';
import type { Database } from '../lib/db/client.ts';

/** What resource routers need from `createApp`: the database and the rate-limit tiers. */
export type RouteDeps = {
  db: Database;
  limits: {
    /** Lenient bucket for reads. */
    read: MiddlewareHandler<AppEnv>;
    /** Aggressive bucket for writes. */
    write: MiddlewareHandler<AppEnv>;
    /** Strictest bucket, for expensive work (report generation). */
    report: MiddlewareHandler<AppEnv>;
  };
  /** The 64 KB request body limit, for the routes that take a body (after their rate limit). */
  limitBody: MiddlewareHandler<AppEnv>;
};

/** Security of a `/v1` route in OpenAPI: a user's bearer token, or an API key made by a user. */
export const bearerSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyAuth: [] }];

/** Security of the API-key routes: a user's own bearer token only. */
export const bearerOnlySecurity: Record<string, string[]>[] = [{ bearerAuth: [] }];
