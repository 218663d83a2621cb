// Type-level contract test, checked by `tsc --noEmit` (part of `npm test`): a typed client
// built from AppType accepts the real API and rejects wrong calls at compile time.
import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import type { AppType } from '../src/contract.ts';

const client = hc<AppType>('http://localhost:8787', { headers: { authorization: 'Bearer <token>' } });

export async function typedCalls() {
  // Right calls compile.
  const userResponse = await client.v1.users[':id'].$get({ param: { id: 'alice' } });
  if (userResponse.status === 200) {
    const user = await userResponse.json();
    const email: string = user.email;
    void email;
  }
  await client.v1.invoices.$post({ json: { amountCents: 100, currency: 'EUR', description: 'Coffee' } });
  await client.v1.invoices.$get({ query: { limit: '10', status: 'open' } });
  await client.v1.invoices[':id'].$get({ param: { id: '0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11' } });

  // Wrong calls do not.
  // @ts-expect-error the path parameter is required
  await client.v1.users[':id'].$get({});
  // @ts-expect-error amountCents is a number
  await client.v1.invoices.$post({ json: { amountCents: '100', currency: 'EUR', description: 'Coffee' } });
  // @ts-expect-error description is required
  await client.v1.invoices.$post({ json: { amountCents: 100, currency: 'EUR' } });
  // @ts-expect-error there is no DELETE on invoices
  await client.v1.invoices[':id'].$delete({ param: { id: 'x' } });
  // @ts-expect-error there is no such resource
  await client.v1.payments.$get();
  // @ts-expect-error status is one of the documented values
  await client.v1.invoices.$get({ query: { status: 'lost' } });

  if (userResponse.status === 404) {
    const body = await userResponse.json();
    const code: 'not_found' | (string & {}) = body.error.code;
    // @ts-expect-error error bodies have no user fields
    void body.email;
    void code;
  }
}

// Request and response types come from the schemas, so clients never hand-write them.
export type CreateInvoiceInput = InferRequestType<typeof client.v1.invoices.$post>['json'];
export type InvoiceOutput = InferResponseType<typeof client.v1.invoices.$post, 201>;
const sample: CreateInvoiceInput = { amountCents: 1, currency: 'EUR', description: 'x' };
void sample;
