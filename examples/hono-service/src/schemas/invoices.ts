import { z } from '@hono/zod-openapi';
import { int32, text, timestamp, uuid } from './common.ts';
import { UserIdSchema } from './users.ts';

/** Lifecycle of an invoice. A string union, not an enum: erasable TypeScript only. */
export const InvoiceStatusSchema = z.enum(['draft', 'open', 'paid', 'void']).openapi('InvoiceStatus');

/** An invoice as the API returns it. It always belongs to exactly one user. */
export const InvoiceSchema = z
  .object({
    id: uuid().openapi({ example: '0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11' }),
    userId: UserIdSchema,
    amountCents: int32(1, 1_000_000_000).openapi({ example: 12_500 }),
    currency: z.string().length(3).regex(/^[A-Z]{3}$/).openapi({ example: 'EUR', description: 'ISO 4217 code.' }),
    description: z.string().min(1).max(500).openapi({ example: 'Consulting, March' }),
    status: InvoiceStatusSchema,
    createdAt: timestamp(),
  })
  .openapi('Invoice');

/** Body of `POST /v1/invoices`. The owner is the caller; it is never taken from the body. */
export const CreateInvoiceSchema = z
  .object({
    amountCents: int32(1, 1_000_000_000),
    currency: z.string().max(3).regex(/^[A-Z]{3}$/, 'Use a 3-letter ISO 4217 code such as EUR'),
    description: text(1, 500),
    status: InvoiceStatusSchema.default('draft'),
  })
  .strict()
  .openapi('CreateInvoice');

/** Query of `GET /v1/invoices`. */
export const ListInvoicesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ format: 'int32' }).openapi({ param: { name: 'limit', in: 'query' }, example: 20 }),
  status: InvoiceStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
});

/** Body of `GET /v1/invoices`: newest first. */
export const InvoiceListSchema = z.object({ items: z.array(InvoiceSchema).max(100) }).openapi('InvoiceList');

/** Path parameters of `GET /v1/invoices/{id}`. */
export const InvoiceParamsSchema = z.object({
  id: uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11' }),
});

export type Invoice = z.infer<typeof InvoiceSchema>;
export type CreateInvoice = z.input<typeof CreateInvoiceSchema>;
