import { z } from '@hono/zod-openapi';
import { int32, int64, timestamp, uuid } from './common.ts';

/** The report kinds the worker knows how to build. */
export const ReportKindSchema = z.enum(['invoice-summary']).openapi('ReportKind', {
  description: '`invoice-summary`: count and totals of your invoices, per currency and status, created in [`from`, `to`).',
});

/** Where a report job is: queued (waiting, or waiting to retry), running, succeeded or failed. */
export const ReportStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']).openapi('ReportStatus');

/** Longest period one report covers: bounds the work a single request can ask for. */
export const MAX_REPORT_DAYS = 366;

/** Body of `POST /v1/reports`. */
export const CreateReportSchema = z
  .object({
    kind: ReportKindSchema,
    from: timestamp().optional().openapi({ example: '2026-01-01T00:00:00Z', description: 'Start of the period (inclusive). Default: `to` minus 366 days.' }),
    to: timestamp().optional().openapi({ example: '2026-04-01T00:00:00Z', description: 'End of the period (exclusive). Default: now.' }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.from) return;
    const days = ((body.to ? Date.parse(body.to) : Date.now()) - Date.parse(body.from)) / 86_400_000;
    if (days <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`' });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${MAX_REPORT_DAYS} days` });
  })
  .openapi('CreateReport');

/**
 * `Idempotency-Key` request header: a retried POST with the same key (and body) returns the same
 * report instead of queueing a second one.
 */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'Use 1-255 visible ASCII characters, e.g. a UUID')
    .optional()
    .openapi({ param: { name: 'idempotency-key', in: 'header', description: 'Header names are case-insensitive: send it as `Idempotency-Key`.' }, example: '5d1c7a7e-8e0c-4c1b-9a59-0f3e8b6d2a41' }),
});

/** Body of `202 Accepted` from `POST /v1/reports`. */
export const ReportAcceptedSchema = z
  .object({
    id: uuid().openapi({ example: '6f1a0c1e-5b7d-8a3f-9c2e-1d4b6a8f0e27' }),
    status: ReportStatusSchema,
  })
  .openapi('ReportAccepted');

/** One line of an invoice summary. */
export const InvoiceTotalSchema = z.object({
  currency: z.string().length(3).regex(/^[A-Z]{3}$/).openapi({ example: 'EUR' }),
  status: z.enum(['draft', 'open', 'paid', 'void']),
  count: int64(1),
  amountCents: int64(1),
});

/** What an `invoice-summary` report contains. */
export const InvoiceSummarySchema = z
  .object({
    kind: z.literal('invoice-summary'),
    from: timestamp(),
    to: timestamp(),
    invoiceCount: int64(0),
    // One line per (currency, status): at most 4 statuses for each currency a user invoices in.
    totals: z.array(InvoiceTotalSchema).max(1000),
  })
  .openapi('InvoiceSummary');

/** Body of `GET /v1/reports/{id}`. */
export const ReportSchema = z
  .object({
    id: uuid(),
    status: ReportStatusSchema,
    progress: int32(0, 100).openapi({ description: 'Percent done; 100 once succeeded.' }),
    result: InvoiceSummarySchema.optional().openapi({ description: 'Present once `status` is `succeeded`.' }),
    error: z.string().max(500).optional().openapi({ description: 'Present once `status` is `failed`: why, in words the owner can act on.' }),
  })
  .openapi('Report');

/** Path parameters of `GET /v1/reports/{id}`. */
export const ReportParamsSchema = z.object({
  id: uuid().openapi({ param: { name: 'id', in: 'path' }, example: '6f1a0c1e-5b7d-8a3f-9c2e-1d4b6a8f0e27' }),
});

export type CreateReport = z.infer<typeof CreateReportSchema>;
export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ReportStatus = z.infer<typeof ReportStatusSchema>;
