import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseEnvOrExit } from './env.ts';
import { openDatabase } from './lib/db/client.ts';
import { createReportProcessor } from './lib/jobs/report-processor.ts';
import { REPORT_QUEUE } from './lib/jobs/report-job.ts';
import { createLogger } from './lib/logger.ts';

// The background worker: its own process and deployment (`node src/worker.ts`, the Dockerfile's
// `worker` target), never inside the API server, so a slow report cannot slow an API answer.

const env = parseEnvOrExit();
if (!env.REDIS_URL || !env.DATABASE_URL) {
  // The worker writes reports into the API's database: an in-memory PGlite is one per process.
  console.error('The worker needs REDIS_URL (the queue) and DATABASE_URL (the PostgreSQL it shares with the API).');
  process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL }).child({ component: 'worker' });
const database = await openDatabase({ url: env.DATABASE_URL, max: env.WORKER_CONCURRENCY + 2 }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'cannot open or migrate the database');
  process.exit(1);
});

// #region worker-entry
// Workers block on Redis and must retry forever through a Redis restart: maxRetriesPerRequest null.
const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const worker = new Worker(REPORT_QUEUE, createReportProcessor({ db: database.db, logger, batchSize: env.REPORT_BATCH_SIZE, pauseMs: env.REPORT_BATCH_PAUSE_MS }), {
  connection,
  prefix: env.JOBS_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  // A killed worker stops renewing its lock; after this long its job is handed to another worker.
  lockDuration: env.WORKER_LOCK_MS,
  stalledInterval: env.WORKER_LOCK_MS,
});
worker.on('ready', () => logger.info({ queue: REPORT_QUEUE, concurrency: env.WORKER_CONCURRENCY }, 'worker ready'));
worker.on('completed', (job) => logger.info({ job_id: job.id, attempts: job.attemptsMade, duration_ms: (job.finishedOn ?? 0) - (job.processedOn ?? 0) }, 'job completed'));
worker.on('failed', (job, error) => logger.warn({ job_id: job?.id, attempts: job?.attemptsMade, reason: error.message }, 'job attempt failed'));
worker.on('error', (error) => logger.error({ err: error }, 'worker error'));

// SIGTERM: take no new job, let the active one finish (worker.close() waits for it), then close.
// Past SHUTDOWN_TIMEOUT_MS the process exits anyway; its lock lapses and the job is retried.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, 'worker shutting down: finishing the active job');
    setTimeout(() => {
      logger.warn({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'shutdown timeout: the active job is left to be retried');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS).unref();
    await worker.close();
    await Promise.all([database.close(), connection.quit()]);
    logger.info('worker stopped');
    process.exit(0);
  });
}
// #endregion worker-entry
