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
};

/** The security requirement every `/v1` route declares in OpenAPI. */
export const bearerSecurity = [{ bearerAuth: [] }];
