import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { parseEnvOrExit } from './env.ts';
import { createTokenVerifier, remoteJwks } from './lib/auth/verify-token.ts';
import { openDatabase } from './lib/db/client.ts';
import { createLifecycle } from './lib/lifecycle.ts';
import { createLogger } from './lib/logger.ts';
import { createGracefulShutdown } from './lib/shutdown.ts';
import { createRedisStore } from './middleware/redis-store.ts';
import { redisPing } from './routes/health.ts';

// Starts the server only: everything else is built by createApp, exactly as in the tests.

const env = parseEnvOrExit();

const logger = createLogger({ level: env.LOG_LEVEL });
// Migrations run here, before the port opens: a replica never serves an old schema.
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'cannot open or migrate the database');
  process.exit(1);
});
const lifecycle = createLifecycle();
// Loaded only when configured: the default (in-memory buckets) needs no Redis, e.g. in WebContainers.
const redis = env.REDIS_URL ? new (await import('ioredis')).Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
redis?.on('error', (error) => logger.warn({ err: error }, 'redis error'));
// Reports need the worker, which shares the database: PostgreSQL, not a per-process PGlite.
const jobs =
  redis && env.DATABASE_URL
    ? (await import('./lib/jobs/report-queue.ts')).createReportQueue({ connection: redis, prefix: env.JOBS_PREFIX, attempts: env.JOB_ATTEMPTS, backoffMs: env.JOB_BACKOFF_MS })
    : undefined;
if (!jobs) logger.info({ missing: (['REDIS_URL', 'DATABASE_URL'] as const).filter((name) => !env[name]) }, 'background jobs off: the report routes answer 503');
const app = createApp({
  db: database.db,
  ping: database.ping,
  pingRedis: redis ? redisPing(redis) : undefined,
  verifyToken: createTokenVerifier({ jwks: remoteJwks(env.JWKS_URL), issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE }),
  logger,
  lifecycle,
  jobs,
  corsOrigins: env.CORS_ORIGINS,
  rateLimit: {
    store: redis ? createRedisStore({ client: redis }) : undefined,
    readPerMinute: env.RATE_LIMIT_READ_PER_MINUTE,
    writePerMinute: env.RATE_LIMIT_WRITE_PER_MINUTE,
    reportsPerMinute: env.RATE_LIMIT_REPORTS_PER_MINUTE,
    authFailuresPerMinute: env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
  },
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info({ port: info.port, database: database.driver, reference: `http://localhost:${info.port}/reference` }, 'listening');
}) as Server;

// #region sigterm
const onDrained = async () => {
  await jobs?.close();
  await Promise.all([database.close(), redis?.quit()]);
};
const shutdown = createGracefulShutdown({ server, lifecycle, onDrained, logger, timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown(signal).then(
      (drained) => process.exit(drained ? 0 : 1),
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
// #endregion sigterm
