import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_REPORT_DAYS, ReportKindSchema, type CreateReport, type Report, type ReportStatus } from '../../schemas/reports.ts';

// What the API (producer) and the worker (consumer) agree on. No BullMQ import here: the API
// loads BullMQ only when REDIS_URL is set (see src/index.ts), and its routes import this file.

/** The BullMQ queue that carries report jobs. */
export const REPORT_QUEUE = 'reports';

/** A report job's data, as stored in Redis. The worker parses it again: Redis is not trusted. */
export const ReportJobDataSchema = z.object({
  userId: z.string().min(1).max(128),
  kind: ReportKindSchema,
  // Resolved at enqueue time, so a retry covers exactly the period first asked for.
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Hash of the request body: the same Idempotency-Key with another body is refused. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ReportJobData = z.infer<typeof ReportJobDataSchema>;

/** What the report routes need from the queue; `createReportQueue` builds it over BullMQ. */
export type ReportJobs = {
  /**
   * Queue a report for `userId`, or return the job an earlier call with the same idempotency key
   * queued. Throws `AppError('idempotency_key_reused')` when that call had another body, and
   * `AppError('jobs_unavailable')` when Redis cannot be reached.
   */
  enqueue(input: { userId: string; request: CreateReport; idempotencyKey?: string | undefined }): Promise<{ id: string; status: ReportStatus }>;
  /** The job's state, or `undefined` when it is unknown or belongs to someone else. */
  get(userId: string, id: string): Promise<Report | undefined>;
  close(): Promise<void>;
};

/**
 * The job id of a report. With an `Idempotency-Key` it is derived from the caller and the key
 * (a UUID, version 8, from SHA-256), so a retried POST lands on the same BullMQ job id, which
 * BullMQ does not add twice; two users' keys never collide. Without a key it is random.
 */
export function reportJobId(userId: string, idempotencyKey?: string): string {
  if (idempotencyKey === undefined) return randomUUID();
  const hex = createHash('sha256').update(`${userId}\n${idempotencyKey}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The request body's fingerprint: key order and absent fields do not matter, values do. */
export function requestFingerprint(request: CreateReport): string {
  return createHash('sha256').update(JSON.stringify([request.kind, request.from ?? null, request.to ?? null])).digest('hex');
}

/** The job data for a request: the period's defaults filled in now. */
export function reportJobData(userId: string, request: CreateReport, now = new Date()): ReportJobData {
  const to = request.to ? new Date(request.to) : now;
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - MAX_REPORT_DAYS * 86_400_000);
  return { userId, kind: request.kind, from: from.toISOString(), to: to.toISOString(), fingerprint: requestFingerprint(request) };
}
