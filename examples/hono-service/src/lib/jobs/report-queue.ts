import { Job, Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.ts';
import type { InvoiceSummary, ReportStatus } from '../../schemas/reports.ts';
import { REPORT_QUEUE, reportJobData, reportJobId, type ReportJobData, type ReportJobs } from './report-job.ts';

export type ReportQueueOptions = {
  /** The producer's connection: fail fast (`enableOfflineQueue: false`), never queue commands offline. */
  connection: Redis;
  /** Key prefix in Redis, so several services or test runs can share one Redis. */
  prefix?: string;
  /** Tries per job, the first included. */
  attempts?: number;
  /** First retry delay; doubled at each further attempt (exponential backoff). */
  backoffMs?: number;
};

/** BullMQ's job state, as the API reports it. Waiting to retry (delayed) is still "queued". */
const STATUS: Record<string, ReportStatus> = { active: 'running', completed: 'succeeded', failed: 'failed' };

/** Turn a Redis failure into the documented 503 instead of a 500. */
const unavailable = (error: unknown) => new AppError('jobs_unavailable', 'The job queue cannot be reached; retry later', { cause: error });

// #region report-enqueue
/**
 * The report queue on BullMQ (the API side). Jobs are retried with exponential backoff; failed
 * jobs are kept, bounded (the dead-letter record: the owner reads why, operators inspect them);
 * finished ones are kept a day, so a retried POST within a day still finds its job.
 */
export function createReportQueue(options: ReportQueueOptions): ReportJobs {
  if (!options?.connection) throw new TypeError('createReportQueue: options.connection (an ioredis client) is required');
  const defaultJobOptions: JobsOptions = {
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
  const queue = new Queue<ReportJobData, InvoiceSummary>(REPORT_QUEUE, { connection: options.connection, prefix: options.prefix, defaultJobOptions });
  // The queue reports connection trouble on every command too; its own event would be unhandled.
  queue.on('error', () => {});

  return {
    async enqueue({ userId, request, idempotencyKey }) {
      const id = reportJobId(userId, idempotencyKey);
      const data = reportJobData(userId, request);
      // Same id again: BullMQ keeps the job it has and ignores this add (its answer holds *our*
      // data, so the stored job is read back to compare what was asked).
      await queue.add(request.kind, data, { jobId: id }).catch((error: unknown) => Promise.reject(unavailable(error)));
      const stored = await Job.fromId<ReportJobData, InvoiceSummary>(queue, id).catch((error: unknown) => Promise.reject(unavailable(error)));
      if (stored && stored.data.fingerprint !== data.fingerprint) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request body');
      }
      const state = stored ? await stored.getState() : 'waiting';
      return { id, status: STATUS[state] ?? 'queued' };
    },
    async get(userId, id) {
      // State first, then the job: a job that finished in between already carries its result or
      // its failure reason (BullMQ writes both with the state change), never the other way round.
      const read = async () => {
        const state = await queue.getJobState(id);
        return [state, await Job.fromId<ReportJobData, InvoiceSummary>(queue, id)] as const;
      };
      const [state, job] = await read().catch((error: unknown) => Promise.reject(unavailable(error)));
      // Someone else's job is answered like an unknown one.
      if (!job || job.data.userId !== userId) return undefined;
      const status = STATUS[state] ?? 'queued';
      const progress = typeof job.progress === 'number' ? Math.max(0, Math.min(100, Math.round(job.progress))) : 0;
      if (status === 'succeeded') return { id, status, progress: 100, result: job.returnvalue };
      if (status === 'failed') return { id, status, progress, error: (job.failedReason || 'The report failed').slice(0, 500) };
      return { id, status, progress };
    },
    close: () => queue.close(),
  };
}
// #endregion report-enqueue
