import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/lib/db/client.ts';
import { invoices, users } from '../src/lib/db/schema.ts';
import { REPORT_QUEUE } from '../src/lib/jobs/report-job.ts';
import { createReportProcessor } from '../src/lib/jobs/report-processor.ts';
import { createReportQueue } from '../src/lib/jobs/report-queue.ts';
import { createLogger } from '../src/lib/logger.ts';
import { ErrorSchema } from '../src/schemas/error.ts';
import { ReportAcceptedSchema, ReportSchema, type Report } from '../src/schemas/reports.ts';
import { captureLogs, createTestApp, createTestIdp, jsonRequest, openTestDatabase } from './helpers.ts';

const url = process.env.REDIS_URL;
if (!url) console.log('REDIS_URL is not set: skipping the report job tests against Redis (the routes still answer 503 in the API suite).');

const BODY = { kind: 'invoice-summary', from: '2020-01-01T00:00:00Z', to: '2020-06-01T00:00:00Z' };

/**
 * Reports end to end on a real Redis: the API queues, a BullMQ worker in this process runs the
 * service's processor. Each run has its own key prefix, removed at the end.
 */
describe.skipIf(!url)('reports on Redis (BullMQ)', () => {
  const prefix = `test-${process.pid}-${Date.now()}`;
  const producer = url ? new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  const workerConnection = url ? new Redis(url, { maxRetriesPerRequest: null }) : undefined;
  const inspect = url ? new Queue(REPORT_QUEUE, { connection: producer!, prefix }) : undefined;
  const jobs = url ? createReportQueue({ connection: producer!, prefix, attempts: 3, backoffMs: 200 }) : undefined;
  const workers: Worker[] = [];
  let database: DatabaseHandle;
  let idp: Awaited<ReturnType<typeof createTestIdp>>;
  let ctx: ReturnType<typeof createTestApp>;
  let kim: string;

  beforeAll(async () => {
    [database, idp] = await Promise.all([openTestDatabase(), createTestIdp()]);
    ctx = createTestApp(database, idp, { jobs, rateLimit: { readPerMinute: 10_000, writePerMinute: 10_000, reportsPerMinute: 10_000 } });
    kim = await idp.token('kim', 'users:write reports:read reports:write');
    await database.db.insert(users).values([
      { id: 'kim', email: 'kim@example.com', name: 'Kim' },
      { id: 'lee', email: 'lee@example.com', name: 'Lee' },
    ]);
    const at = (day: number) => new Date(Date.UTC(2020, 0, day));
    await database.db.insert(invoices).values([
      { userId: 'kim', amountCents: 1_000, currency: 'EUR', description: 'a', status: 'paid', createdAt: at(2) },
      { userId: 'kim', amountCents: 2_000, currency: 'EUR', description: 'b', status: 'paid', createdAt: at(3) },
      { userId: 'kim', amountCents: 500, currency: 'USD', description: 'c', status: 'open', createdAt: at(4) },
      { userId: 'kim', amountCents: 700, currency: 'USD', description: 'outside the period', status: 'open', createdAt: new Date(Date.UTC(2021, 0, 1)) },
      { userId: 'lee', amountCents: 9_999, currency: 'EUR', description: "lee's", status: 'paid', createdAt: at(2) },
    ]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await inspect?.obliterate({ force: true });
    await inspect?.close();
    await jobs?.close();
    await Promise.all([producer?.quit(), workerConnection?.quit()]);
    await database?.close();
  });

  const post = (body: unknown, key?: string, token = kim) =>
    ctx.app.request('/v1/reports', jsonRequest('POST', token, body, key ? { 'idempotency-key': key } : {}));
  const read = async (id: string, token = kim) => ctx.app.request(`/v1/reports/${id}`, jsonRequest('GET', token));
  const startWorker = (options: Parameters<typeof createReportProcessor>[0]) => {
    const worker = new Worker(REPORT_QUEUE, createReportProcessor(options), { connection: workerConnection!, prefix });
    workers.push(worker);
    return worker;
  };
  /** Poll the report until `done` says so (bounded: 15 s). */
  async function poll(id: string, done: (report: Report) => boolean): Promise<Report[]> {
    const seen: Report[] = [];
    for (const started = Date.now(); Date.now() - started < 15_000; await new Promise((resolve) => setTimeout(resolve, 25))) {
      const report = ReportSchema.parse(await (await read(id)).json());
      seen.push(report);
      if (done(report)) return seen;
    }
    throw new Error(`report ${id} never reached the expected state: ${JSON.stringify(seen.at(-1))}`);
  }

  it('gives one job for two POSTs with one Idempotency-Key: 202, same id, Location', async () => {
    const first = await post(BODY, 'key-1');
    expect(first.status).toBe(202);
    const accepted = ReportAcceptedSchema.parse(await first.json());
    expect(accepted.status).toBe('queued');
    expect(first.headers.get('location')).toBe(`/v1/reports/${accepted.id}`);
    const again = await post({ to: BODY.to, from: BODY.from, kind: BODY.kind }, 'key-1');
    expect(again.status).toBe(202);
    expect(ReportAcceptedSchema.parse(await again.json()).id).toBe(accepted.id);
    expect(await inspect!.getJobCountByTypes('waiting', 'active', 'delayed', 'completed', 'failed')).toBe(1);
    // Without a key every POST is a new report.
    const other = ReportAcceptedSchema.parse(await (await post(BODY)).json());
    expect(other.id).not.toBe(accepted.id);
  });

  it('answers 409 idempotency_key_reused for the same key with another body', async () => {
    const response = await post({ ...BODY, to: '2020-03-01T00:00:00Z' }, 'key-1');
    expect(response.status).toBe(409);
    expect(ErrorSchema.parse(await response.json()).error.code).toBe('idempotency_key_reused');
  });

  it("answers 404 for another user's report, exactly as for an unknown id", async () => {
    const { id } = ReportAcceptedSchema.parse(await (await post(BODY, 'key-404')).json());
    const lee = await idp.token('lee', 'reports:read reports:write');
    const cross = await read(id, lee);
    const unknown = await read('00000000-0000-4000-8000-000000000000', lee);
    expect([cross.status, unknown.status]).toEqual([404, 404]);
    expect(await cross.json()).toEqual(await unknown.json());
    // Lee's own POST with Kim's key is Lee's own report: keys are per user.
    const lees = ReportAcceptedSchema.parse(await (await post(BODY, 'key-404', lee)).json());
    expect(lees.id).not.toBe(id);
  });

  it('runs the job on a worker: progress visible while it runs, then succeeded with the result', async () => {
    await inspect!.drain(true);
    const { id } = ReportAcceptedSchema.parse(await (await post(BODY, 'key-run')).json());
    startWorker({ db: database.db, logger: createLogger({ level: 'silent' }), batchSize: 1, pauseMs: 200 });
    const seen = await poll(id, (report) => report.status === 'succeeded');
    expect(seen.some((report) => report.status === 'running' && report.progress > 0 && report.progress < 100)).toBe(true);
    const done = seen.at(-1)!;
    expect(done.progress).toBe(100);
    expect(done.result).toEqual({
      kind: 'invoice-summary',
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-06-01T00:00:00.000Z',
      invoiceCount: 3,
      totals: [
        { currency: 'EUR', status: 'paid', count: 2, amountCents: 3_000 },
        { currency: 'USD', status: 'open', count: 1, amountCents: 500 },
      ],
    });
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
    // Gone from Redis (past its retention), the report is still read from the database.
    await inspect!.remove(id);
    expect(ReportSchema.parse(await (await read(id)).json())).toEqual(done);
  });

  it('ends an always-failing job failed after its attempts, with exponential backoff between them', async () => {
    const { id } = ReportAcceptedSchema.parse(await (await post(BODY, 'key-fail')).json());
    const logs = captureLogs();
    const broken = new Proxy({} as DatabaseHandle['db'], {
      get: () => () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
      },
    });
    const attempts: number[] = [];
    const worker = startWorker({ db: broken, logger: logs.logger });
    worker.on('active', (job: Job) => job.id === id && attempts.push(Date.now()));
    const failed = (await poll(id, (report) => report.status === 'failed')).at(-1)!;
    expect(attempts).toHaveLength(3);
    // Backoff 200 ms, then 400 ms (BullMQ's exponential: delay * 2^(attempt - 1)).
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(190);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(390);
    expect(failed.error).toMatch(/could not be generated \(attempt 3\)/);
    expect(failed.error).not.toContain('ECONNREFUSED'); // the owner reads a reason, not internals
    expect((await inspect!.getJob(id))?.attemptsMade).toBe(3);
    // Operators get the whole error, once per attempt.
    const logged = logs.lines.filter((line) => line.msg === 'report job failed');
    expect(logged).toHaveLength(3);
    expect(JSON.stringify(logged[0])).toContain('ECONNREFUSED');
    // Kept as the dead-letter record.
    expect((await inspect!.getFailed()).map((job) => job.id)).toContain(id);
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
  });

  it('fails input that can never succeed at once, without retrying it', async () => {
    // A user removed after queueing: the job can never succeed.
    const { id } = await jobs!.enqueue({ userId: 'ghost', request: { kind: 'invoice-summary' } });
    startWorker({ db: database.db, logger: createLogger({ level: 'silent' }) });
    const seen: (Report | undefined)[] = [];
    for (const started = Date.now(); Date.now() - started < 10_000 && seen.at(-1)?.status !== 'failed'; await new Promise((resolve) => setTimeout(resolve, 25))) {
      seen.push(await jobs!.get('ghost', id));
    }
    expect(seen.at(-1)).toMatchObject({ id, status: 'failed', error: 'The user ghost no longer exists' });
    expect((await inspect!.getJob(id))?.attemptsMade).toBe(1);
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
  });

  it('limits report creation with its own strict bucket', async () => {
    const { app } = createTestApp(database, idp, { jobs, rateLimit: { readPerMinute: 100, writePerMinute: 100, reportsPerMinute: 2 } });
    const create = () => app.request('/v1/reports', jsonRequest('POST', kim, BODY));
    for (let i = 0; i < 2; i++) {
      const ok = await create();
      expect(ok.status).toBe(202);
      expect(ok.headers.get('ratelimit-policy')).toBe('"reports";q=2;w=60');
    }
    const limited = await create();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(ErrorSchema.parse(await limited.json()).error.code).toBe('rate_limited');
    // Reads keep their own, lenient bucket.
    expect((await app.request('/v1/reports/00000000-0000-4000-8000-000000000000', jsonRequest('GET', kim))).status).toBe(404);
  });
});
