import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import type { AppEnv } from '../lib/app-env.ts';
import { invoices, users } from '../lib/db/schema.ts';
import { AppError, NotFoundError } from '../lib/errors/app-error.ts';
import { requireScope } from '../middleware/auth.ts';
import { json } from '../middleware/response-headers.ts';
import { authErrorResponses, errorResponse } from '../schemas/error.ts';
import { withResponseHeaders } from '../schemas/headers.ts';
import {
  CreateInvoiceSchema,
  InvoiceListSchema,
  InvoiceParamsSchema,
  InvoiceSchema,
  ListInvoicesQuerySchema,
  type Invoice,
} from '../schemas/invoices.ts';
import { bearerSecurity, type RouteDeps } from './route-deps.ts';

const toInvoice = (row: typeof invoices.$inferSelect): Invoice => ({
  id: row.id,
  userId: row.userId,
  amountCents: row.amountCents,
  currency: row.currency,
  description: row.description,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

/** `/v1/invoices`: the caller's own invoices. Every query is scoped to the token's `sub`. */
export function createInvoiceRoutes(deps: RouteDeps) {
  const { db, limits, limitBody } = deps;

  const listInvoices = createRoute({
    operationId: 'listInvoices',
    method: 'get',
    path: '/',
    tags: ['Invoices'],
    summary: "List the caller's invoices",
    description: 'Newest first. Requires scope `invoices:read`.',
    security: bearerSecurity,
    middleware: [limits.read, requireScope('invoices:read')] as const,
    request: { query: ListInvoicesQuerySchema },
    responses: withResponseHeaders({
      200: { description: "The caller's invoices.", content: { 'application/json': { schema: InvoiceListSchema } } },
      400: errorResponse('Invalid query (`validation_failed`).'),
      ...authErrorResponses,
    }),
  });

  const createInvoice = createRoute({
    operationId: 'createInvoice',
    method: 'post',
    path: '/',
    tags: ['Invoices'],
    summary: 'Create an invoice for the caller',
    description: 'The owner is always the caller. Requires scope `invoices:write` and a registered user (`POST /v1/users`).',
    security: bearerSecurity,
    middleware: [limits.write, requireScope('invoices:write'), limitBody] as const,
    request: { body: { required: true, content: { 'application/json': { schema: CreateInvoiceSchema } } } },
    responses: withResponseHeaders({
      201: { description: 'The invoice was created.', content: { 'application/json': { schema: InvoiceSchema } } },
      400: errorResponse('Invalid body (`validation_failed`, `bad_request`).'),
      409: errorResponse('The caller is not registered yet (`conflict`).'),
      413: errorResponse('Body over 64 KB (`payload_too_large`).'),
      ...authErrorResponses,
    }),
  });

  const getInvoice = createRoute({
    operationId: 'getInvoice',
    method: 'get',
    path: '/{id}',
    tags: ['Invoices'],
    summary: 'Read one of your invoices',
    description: "Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.",
    security: bearerSecurity,
    middleware: [limits.read, requireScope('invoices:read')] as const,
    request: { params: InvoiceParamsSchema },
    responses: withResponseHeaders({
      200: { description: 'The invoice.', content: { 'application/json': { schema: InvoiceSchema } } },
      400: errorResponse('Invalid id (`validation_failed`).'),
      404: errorResponse('No such invoice owned by the caller (`not_found`).'),
      ...authErrorResponses,
    }),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(listInvoices, async (c) => {
      const { limit, status } = c.req.valid('query');
      const owner = eq(invoices.userId, c.get('principal').userId);
      const rows = await db
        .select()
        .from(invoices)
        .where(status ? and(owner, eq(invoices.status, status)) : owner)
        .orderBy(desc(invoices.createdAt), desc(invoices.id))
        .limit(limit);
      return json(c, { items: rows.map(toInvoice) }, 200);
    })
    .openapi(createInvoice, async (c) => {
      const body = c.req.valid('json');
      const userId = c.get('principal').userId;
      const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
      if (!owner) throw new AppError('conflict', 'Register the user first with POST /v1/users');
      const [row] = await db.insert(invoices).values({ ...body, userId }).returning();
      if (!row) throw new Error('insert into invoices returned no row');
      return json(c, toInvoice(row), 201);
    })
    .openapi(getInvoice, async (c) => {
      const { id } = c.req.valid('param');
      // Ownership is part of the query, not a check after it: another user's invoice is never read.
      const [row] = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.id, id), eq(invoices.userId, c.get('principal').userId)))
        .limit(1);
      if (!row) throw new NotFoundError('Invoice');
      return json(c, toInvoice(row), 200);
    });
}
