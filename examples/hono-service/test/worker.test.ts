import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/lib/db/client.ts';
import { invoices, processedJobs, reports, users } from '../src/lib/db/schema.ts';
import { REPORT_QUEUE, type ReportJobs } from '../src/lib/jobs/report-job.ts';
import { createReportQueue } from '../src/lib/jobs/report-queue.ts';
import type { Report } from '../src/schemas/reports.ts';
import { openTestDatabase } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!redisUrl || !databaseUrl) {
  console.log('REDIS_URL and DATABASE_URL are both needed for the worker process tests (the worker shares PostgreSQL with the API): skipping them.');
}

/**
 * The worker as deployed: `node src/worker.ts`, its own process, on a real Redis and PostgreSQL.
 * Killed mid-job (SIGKILL: no cleanup at all), its job is taken over by the next worker once the
 * lock lapses, and the report exists exactly once.
 */
describe.skipIf(!redisUrl || !databaseUrl)('worker process (node src/worker.ts)', () => {
  const prefix = `test-worker-${process.pid}-${Date.now()}`;
  const connection = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  const inspect = redisUrl ? new Queue(REPORT_QUEUE, { connection: connection!, prefix }) : undefined;
  let jobs: ReportJobs;
  let database: DatabaseHandle & { url?: string };
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(databaseUrl);
    jobs = createReportQueue({ connection: connection!, prefix, attempts: 3, backoffMs: 100 });
    await database.db.insert(users).values({ id: 'kim', email: 'kim@example.com', name: 'Kim' });
    await database.db.insert(invoices).values(Array.from({ length: 6 }, (_, i) => ({ userId: 'kim', amountCents: 100 * (i + 1), currency: 'EUR', description: `#${i}`, status: 'paid' as const })));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await inspect?.obliterate({ force: true });
    await inspect?.close();
    await jobs?.close();
    await connection?.quit();
    await database?.close();
  });

  /** Start a worker process; resolves once it logged "worker ready". */
  async function startWorker(): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
    const child = spawn(process.execPath, ['src/worker.ts'], {
      cwd: root,
      // One invoice per batch with a pause: the job takes about 2 s, long enough to be killed mid-run.
      env: { ...process.env, DATABASE_URL: database.url, JOBS_PREFIX: prefix, REPORT_BATCH_SIZE: '1', REPORT_BATCH_PAUSE_MS: '300', WORKER_LOCK_MS: '1000' },
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (const started = Date.now(); !output.includes('"worker ready"'); await new Promise((resolve) => setTimeout(resolve, 50))) {
      if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`the worker did not start: ${output}`);
    }
    return { child, exited, output: () => output };
  }

  async function waitFor(id: string, done: (report: Report) => boolean, ms = 30_000): Promise<Report> {
    for (const started = Date.now(); Date.now() - started < ms; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const report = await jobs.get('kim', id);
      if (report && done(report)) return report;
    }
    throw new Error(`report ${id} did not get there in ${ms} ms: ${JSON.stringify(await jobs.get('kim', id))}`);
  }

  it('finishes a job whose worker was SIGKILLed mid-run on the next worker, with its effect exactly once', async () => {
    const { id } = await jobs.enqueue({ userId: 'kim', request: { kind: 'invoice-summary' }, idempotencyKey: 'crash' });
    const first = await startWorker();
    const running = await waitFor(id, (report) => report.status === 'running' && report.progress > 0);
    expect(running.progress).toBeLessThan(100);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null); // killed, no cleanup ran
    expect(await database.db.$count(reports, eq(reports.id, id))).toBe(0);

    const second = await startWorker();
    const done = await waitFor(id, (report) => report.status === 'succeeded');
    expect(done.result).toMatchObject({ invoiceCount: 6, totals: [{ currency: 'EUR', status: 'paid', count: 6, amountCents: 2_100 }] });
    expect(await database.db.$count(reports, eq(reports.id, id))).toBe(1);
    expect(await database.db.$count(processedJobs, eq(processedJobs.jobId, id))).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('on SIGTERM finishes the active job before it exits 0', async () => {
    const worker = await startWorker();
    const { id } = await jobs.enqueue({ userId: 'kim', request: { kind: 'invoice-summary' }, idempotencyKey: 'sigterm' });
    await waitFor(id, (report) => report.status === 'running' && report.progress > 0);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await jobs.get('kim', id)).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(worker.output()).toContain('worker stopped');
  }, 90_000);

  it('refuses to start without DATABASE_URL, naming it', async () => {
    const child = spawn(process.execPath, ['src/worker.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
