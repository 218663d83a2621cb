import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../lib/app-env.ts';
import { reports, users } from '../lib/db/schema.ts';
import { AppError, NotFoundError } from '../lib/errors/app-error.ts';
import type { ReportJobs } from '../lib/jobs/report-job.ts';
import { requireScope } from '../middleware/auth.ts';
import { json, setResponseHeader } from '../middleware/response-headers.ts';
import { authErrorResponses, errorResponse } from '../schemas/error.ts';
import { withResponseHeaders } from '../schemas/headers.ts';
import { CreateReportSchema, IdempotencyHeadersSchema, ReportAcceptedSchema, ReportParamsSchema, ReportSchema, type InvoiceSummary } from '../schemas/reports.ts';
import { bearerSecurity, type RouteDeps } from './route-deps.ts';

export type ReportRouteDeps = RouteDeps & {
  /** The report queue; absent when REDIS_URL (or DATABASE_URL) is not configured. */
  jobs?: ReportJobs | undefined;
};

const jobsUnavailable = () =>
  new AppError('jobs_unavailable', 'Background jobs are off on this instance: set REDIS_URL (and DATABASE_URL, which the worker shares) and start the worker');

/** `/v1/reports`: expensive work, queued for the worker and polled by the caller. */
export function createReportRoutes(deps: ReportRouteDeps) {
  const { db, limits, limitBody, jobs } = deps;

  // #region report-route
  const createReport = createRoute({
    operationId: 'createReport',
    method: 'post',
    path: '/',
    tags: ['Reports'],
    summary: 'Queue a report',
    description:
      'Queues the report for the background worker and answers at once with its id; poll `Location`. ' +
      'A retried request with the same `Idempotency-Key` (and body) returns the same report, not a second one. ' +
      'Requires scope `reports:write` and a registered user. Strictly rate limited (bucket `reports`).',
    security: bearerSecurity,
    middleware: [limits.report, requireScope('reports:write'), limitBody] as const,
    request: { headers: IdempotencyHeadersSchema, body: { required: true, content: { 'application/json': { schema: CreateReportSchema } } } },
    responses: withResponseHeaders({
      202: {
        description: 'Queued (or already queued under this Idempotency-Key).',
        headers: { Location: { $ref: '#/components/headers/Location' } },
        content: { 'application/json': { schema: ReportAcceptedSchema } },
      },
      400: errorResponse('Invalid body or Idempotency-Key (`validation_failed`, `bad_request`).'),
      409: errorResponse('The caller is not registered (`conflict`), or the Idempotency-Key was used with another body (`idempotency_key_reused`).'),
      413: errorResponse('Body over 64 KB (`payload_too_large`).'),
      503: errorResponse('Background jobs are not configured or Redis is unreachable (`jobs_unavailable`).'),
      ...authErrorResponses,
    }),
  });

  const app = new OpenAPIHono<AppEnv>().openapi(createReport, async (c) => {
    if (!jobs) throw jobsUnavailable();
    const userId = c.get('principal').userId;
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!owner) throw new AppError('conflict', 'Register the user first with POST /v1/users');
    const accepted = await jobs.enqueue({ userId, request: c.req.valid('json'), idempotencyKey: c.req.valid('header')['idempotency-key'] });
    setResponseHeader(c, 'Location', `/v1/reports/${accepted.id}`);
    return json(c, accepted, 202);
  });
  // #endregion report-route

  const getReport = createRoute({
    operationId: 'getReport',
    method: 'get',
    path: '/{id}',
    tags: ['Reports'],
    summary: 'Read a report and its progress',
    description: "Requires scope `reports:read`. Another user's report answers 404, exactly like an unknown id.",
    security: bearerSecurity,
    middleware: [limits.read, requireScope('reports:read')] as const,
    request: { params: ReportParamsSchema },
    responses: withResponseHeaders({
      200: { description: 'The report: queued, running (with progress), succeeded (with its result) or failed (with the reason).', content: { 'application/json': { schema: ReportSchema } } },
      400: errorResponse('Invalid id (`validation_failed`).'),
      404: errorResponse('No such report owned by the caller (`not_found`).'),
      503: errorResponse('Background jobs are not configured or Redis is unreachable (`jobs_unavailable`).'),
      ...authErrorResponses,
    }),
  });

  return app.openapi(getReport, async (c) => {
    if (!jobs) throw jobsUnavailable();
    const { id } = c.req.valid('param');
    const userId = c.get('principal').userId;
    const live = await jobs.get(userId, id);
    if (live) return json(c, live, 200);
    // The job is gone from Redis after its retention time; the report itself stays in the database.
    const [row] = await db.select().from(reports).where(and(eq(reports.id, id), eq(reports.userId, userId))).limit(1);
    if (!row) throw new NotFoundError('Report');
    return json(c, { id, status: 'succeeded' as const, progress: 100, result: row.result as InvoiceSummary }, 200);
  });
}
