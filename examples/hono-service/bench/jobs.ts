import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { invoices, users } from '../src/lib/db/schema.ts';
import { createReportQueue } from '../src/lib/jobs/report-queue.ts';
import { REPORT_QUEUE } from '../src/lib/jobs/report-job.ts';
import { openTestDatabase } from '../test/helpers.ts';

// `npm run bench:jobs`: enqueue-to-done latency of a report job with one worker process
// (`node src/worker.ts`), on the real Redis and PostgreSQL of REDIS_URL and DATABASE_URL. Jobs go
// one at a time (the next is queued when the last is done), so each figure is the pipeline's own
// latency, not time spent waiting behind other jobs. Not a test: numbers depend on the machine.
const count = Number(process.env.BENCH_JOBS ?? 200);
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!redisUrl || !databaseUrl || !Number.isInteger(count) || count < 1) {
  console.error('bench:jobs needs REDIS_URL and DATABASE_URL (a fresh database is made and dropped); BENCH_JOBS is a whole number >= 1 (default 200)');
  process.exit(2);
}

const database = await openTestDatabase(databaseUrl);
const prefix = `bench-${process.pid}`;
const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
// QueueEvents blocks on its connection (XREAD): a connection of its own, as BullMQ asks.
const eventsConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const events = new QueueEvents(REPORT_QUEUE, { connection: eventsConnection, prefix });
const jobs = createReportQueue({ connection, prefix });
// A user with 100 invoices: each report reads them all (one batch).
await database.db.insert(users).values({ id: 'bench', email: 'bench@example.com', name: 'Bench' });
await database.db.insert(invoices).values(Array.from({ length: 100 }, (_, i) => ({ userId: 'bench', amountCents: 100 + i, currency: i % 2 ? 'EUR' : 'USD', description: `#${i}` })));

const worker = spawn(process.execPath, ['src/worker.ts'], { cwd: new URL('..', import.meta.url), env: { ...process.env, DATABASE_URL: database.url, JOBS_PREFIX: prefix, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
await events.waitUntilReady();
const queue = new Queue(REPORT_QUEUE, { connection, prefix });
/** Per job: as the caller sees it (enqueue call to `completed` event), and as BullMQ recorded it (added to finished). */
const observed: number[] = [];
const recorded: number[] = [];
try {
  for (let i = -10; i < count; i++) {
    const started = performance.now();
    const { id } = await jobs.enqueue({ userId: 'bench', request: { kind: 'invoice-summary' } });
    await waitForDone(id);
    const elapsed = performance.now() - started;
    const job = await queue.getJob(id);
    if (i < 0) continue; // the first 10 warm the worker up
    observed.push(elapsed);
    recorded.push((job?.finishedOn ?? Number.NaN) - (job?.timestamp ?? Number.NaN));
  }
} finally {
  worker.kill('SIGTERM');
  await queue.obliterate({ force: true });
  await Promise.all([queue.close(), jobs.close(), events.close()]);
  // Connections passed in are not closed by BullMQ: they would keep this process alive.
  await Promise.all([connection.quit(), eventsConnection.quit()]);
  await database.close();
}

/** Resolve when the job's `completed` event arrives (or reject on `failed`). */
function waitForDone(id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onCompleted = ({ jobId }: { jobId: string }) => jobId === id && (cleanup(), resolve());
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => jobId === id && (cleanup(), reject(new Error(failedReason)));
    const cleanup = () => {
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
    };
    events.on('completed', onCompleted);
    events.on('failed', onFailed);
  });
}

/** p50, p99 and max of a list, in ms. */
function summary(values: number[]): string {
  const sorted = values.toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}
console.log(`${count} report jobs, one at a time, one worker (node src/worker.ts), each summing 100 invoices; Redis and PostgreSQL on loopback; Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the end`);
console.log(`enqueue-to-done, as the caller sees it (enqueue call to completed event): ${summary(observed)}`);
console.log(`added-to-finished, as BullMQ recorded it (job.finishedOn - job.timestamp):  ${summary(recorded)}`);
