import { UnrecoverableError, type Job } from 'bullmq';
import { and, asc, eq, gt, gte, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { invoices, processedJobs, reports, users } from '../db/schema.ts';
import type { InvoiceSummary } from '../../schemas/reports.ts';
import { REPORT_QUEUE, ReportJobDataSchema, type ReportJobData } from './report-job.ts';

/** What the processor uses of a BullMQ job (tests pass a plain object). */
export type ReportJob = Pick<Job<ReportJobData, InvoiceSummary>, 'id' | 'data' | 'attemptsMade' | 'updateProgress'>;

export type ReportProcessorOptions = {
  db: Database;
  logger: Logger;
  /** Invoices read per query; progress is reported after each batch. */
  batchSize?: number;
  /** Pause between batches, to spread a big report's load on the database. */
  pauseMs?: number;
};

/**
 * The stored result of a job that already ran to the end, if any. A report made for another
 * request under the same id (an Idempotency-Key reused after its job left Redis) is refused.
 */
async function storedResult(db: Database, jobId: string, requestHash: string): Promise<InvoiceSummary | undefined> {
  const [row] = await db.select({ result: reports.result, requestHash: reports.requestHash }).from(reports).where(eq(reports.id, jobId)).limit(1);
  if (row && row.requestHash !== requestHash) throw new UnrecoverableError('This Idempotency-Key was already used for another report request');
  return row?.result as InvoiceSummary | undefined;
}

// #region report-processor
/**
 * The worker's job function. Idempotent by design: the report and the job's id in
 * `processed_jobs` are written in one transaction at the end, so a job that runs again (a retry
 * after a crash, a redelivered stalled job) finds its id and returns the stored report instead of
 * making a second one. Input that can never succeed throws `UnrecoverableError` (no retry); any
 * other failure is logged in full and retried with backoff, with a message the owner may read.
 */
export function createReportProcessor(options: ReportProcessorOptions) {
  const { db, logger, batchSize = 500, pauseMs = 0 } = options ?? {};
  if (!db || !logger) throw new TypeError('createReportProcessor: options.db and options.logger are required');
  if (!Number.isInteger(batchSize) || batchSize < 1 || !(pauseMs >= 0)) throw new TypeError('createReportProcessor: batchSize must be >= 1 and pauseMs >= 0');

  return async function processReport(job: ReportJob): Promise<InvoiceSummary> {
    const parsed = ReportJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('The report request is not valid and cannot be generated');
    const { userId, from, to, fingerprint } = parsed.data;
    const jobId = job.id!;
    try {
      const [processed] = await db.select().from(processedJobs).where(eq(processedJobs.jobId, jobId)).limit(1);
      const done = processed && (await storedResult(db, jobId, fingerprint));
      if (done) return done; // an earlier run got to the end: do nothing twice
      const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
      if (!owner) throw new UnrecoverableError(`The user ${userId} no longer exists`);

      const mine = and(eq(invoices.userId, userId), gte(invoices.createdAt, new Date(from)), lt(invoices.createdAt, new Date(to)));
      const total = await db.$count(invoices, mine);
      const totals = new Map<string, InvoiceSummary['totals'][number]>();
      let seen = 0;
      // Keyset pagination on the primary key: each batch is one indexed query, however many.
      for (let after: string | undefined; ; ) {
        const rows = await db.select().from(invoices).where(after ? and(mine, gt(invoices.id, after)) : mine).orderBy(asc(invoices.id)).limit(batchSize);
        for (const row of rows) {
          const key = `${row.currency} ${row.status}`;
          const line = totals.get(key) ?? { currency: row.currency, status: row.status, count: 0, amountCents: 0 };
          line.count += 1;
          line.amountCents += row.amountCents;
          totals.set(key, line);
        }
        seen += rows.length;
        await job.updateProgress(total === 0 ? 99 : Math.min(99, Math.floor((seen / total) * 100)));
        if (rows.length < batchSize) break;
        after = rows.at(-1)!.id;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      const result: InvoiceSummary = { kind: 'invoice-summary', from, to, invoiceCount: seen, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.status.localeCompare(b.status)) };

      // The effect and the idempotency record commit together, or not at all.
      const written = await db.transaction(async (tx) => {
        const [claimed] = await tx.insert(processedJobs).values({ jobId, queue: REPORT_QUEUE }).onConflictDoNothing().returning();
        if (!claimed) return false; // a concurrent run of the same job finished first
        await tx.insert(reports).values({ id: jobId, userId, kind: result.kind, requestHash: fingerprint, result });
        return true;
      });
      return written ? result : ((await storedResult(db, jobId, fingerprint)) ?? result);
    } catch (error) {
      if (error instanceof UnrecoverableError) throw error;
      logger.error({ err: error, job_id: jobId, attempt: job.attemptsMade + 1 }, 'report job failed');
      throw new Error(`The report could not be generated (attempt ${job.attemptsMade + 1}); the failure is logged under this report id`, { cause: error });
    }
  };
}
// #endregion report-processor
