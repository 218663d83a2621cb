import type { ZodType } from 'zod';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../test/fixtures/contract.ts';
import { CreateInvoiceSchema, CreateUserSchema, ErrorSchema, HealthSchema, InvoiceListSchema, InvoiceSchema, UserSchema } from './index.ts';

const schemas: Record<keyof typeof fixtures, ZodType> = {
  User: UserSchema,
  CreateUser: CreateUserSchema,
  Invoice: InvoiceSchema,
  CreateInvoice: CreateInvoiceSchema,
  InvoiceList: InvoiceListSchema,
  Error: ErrorSchema,
  Health: HealthSchema,
};

describe('contract schemas', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    const { valid, invalid } = fixtures[name as keyof typeof fixtures];

    it(`${name} round-trips its fixtures through parse and JSON unchanged`, () => {
      for (const fixture of valid) {
        const parsed = schema.parse(fixture);
        expect(parsed).toEqual(fixture);
        expect(schema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(fixture);
      }
    });

    it(`${name} refuses its invalid fixtures`, () => {
      for (const fixture of invalid) expect(schema.safeParse(fixture).success).toBe(false);
    });
  }

  it('fills the documented default invoice status', () => {
    expect(CreateInvoiceSchema.parse({ amountCents: 1, currency: 'EUR', description: 'x' }).status).toBe('draft');
  });
});
