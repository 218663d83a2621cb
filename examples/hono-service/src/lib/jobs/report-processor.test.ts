import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { invoices, processedJobs, reports, users } from '../db/schema.ts';
import { createLogger } from '../logger.ts';
import { createReportProcessor, type ReportJob } from './report-processor.ts';
import { reportJobData, reportJobId } from './report-job.ts';

const logger = createLogger({ level: 'silent' });

describe('report processor (no Redis: a plain job object)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase();
    await database.db.insert(users).values({ id: 'kim', email: 'kim@example.com', name: 'Kim' });
    await database.db.insert(invoices).values([
      { userId: 'kim', amountCents: 100, currency: 'EUR', description: 'a', status: 'paid' },
      { userId: 'kim', amountCents: 250, currency: 'EUR', description: 'b', status: 'paid' },
      { userId: 'kim', amountCents: 999, currency: 'USD', description: 'c', status: 'open' },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  const job = (id: string, data: unknown, progress: number[] = []): ReportJob => ({
    id,
    data: data as ReportJob['data'],
    attemptsMade: 0,
    updateProgress: async (value) => void progress.push(value as number),
  });

  it('sums the owner’s invoices per currency and status, reporting progress per batch', async () => {
    const progress: number[] = [];
    const process = createReportProcessor({ db: database.db, logger, batchSize: 1 });
    const result = await process(job(reportJobId('kim'), reportJobData('kim', { kind: 'invoice-summary' }), progress));
    expect(result).toMatchObject({
      kind: 'invoice-summary',
      invoiceCount: 3,
      totals: [
        { currency: 'EUR', status: 'paid', count: 2, amountCents: 350 },
        { currency: 'USD', status: 'open', count: 1, amountCents: 999 },
      ],
    });
    expect(progress).toEqual([33, 66, 99, 99]);
  });

  it('does its effect once when the same job runs again (a retry after the commit)', async () => {
    const id = reportJobId('kim', 'run-twice');
    const data = reportJobData('kim', { kind: 'invoice-summary' });
    const process = createReportProcessor({ db: database.db, logger });
    const first = await process(job(id, data));
    // Meanwhile a new invoice arrives: the second run must return the stored report, not a new one.
    await database.db.insert(invoices).values({ userId: 'kim', amountCents: 5, currency: 'EUR', description: 'late', status: 'draft' });
    expect(await process(job(id, data))).toEqual(first);
    const { eq } = await import('drizzle-orm');
    expect(await database.db.$count(reports, eq(reports.id, id))).toBe(1);
    expect(await database.db.$count(processedJobs, eq(processedJobs.jobId, id))).toBe(1);
  });

  it('refuses a job id whose stored report was made for another request (a key reused after its job left Redis)', async () => {
    const id = reportJobId('kim', 'reused-later');
    const process = createReportProcessor({ db: database.db, logger });
    await process(job(id, reportJobData('kim', { kind: 'invoice-summary', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })));
    const other = reportJobData('kim', { kind: 'invoice-summary', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    await expect(process(job(id, other))).rejects.toThrow(/already used for another report/);
  });

  it('fails at once, without retry, on input that can never succeed', async () => {
    const process = createReportProcessor({ db: database.db, logger });
    await expect(process(job(reportJobId('ghost'), reportJobData('ghost', { kind: 'invoice-summary' })))).rejects.toThrow(UnrecoverableError);
    await expect(process(job(reportJobId('kim'), { userId: 'kim', kind: 'pie-chart' }))).rejects.toThrow(UnrecoverableError);
  });

  it('validates its options when created', () => {
    expect(() => createReportProcessor({ db: database.db, logger, batchSize: 0 })).toThrow(TypeError);
  });
});
