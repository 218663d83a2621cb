/**
 * Type-level contract tests: `tsc --noEmit` (part of `npm test`) compiles this file, and every
 * `@ts-expect-error` must meet an error or the compile fails. So these prove that a wrong call
 * through a generated hook does not compile. Nothing here runs.
 */
import { useCreateInvoice, useGetInvoice, useListInvoices } from './generated/queries';
import type { Invoice, InvoiceList } from './generated/requests/types.gen';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

export function generatedHooksRejectWrongCalls() {
  // @ts-expect-error a path parameter is required to read one invoice
  useGetInvoice({});

  // @ts-expect-error `id` is a string in the OpenAPI document
  useGetInvoice({ path: { id: 42 } });

  // @ts-expect-error `status` only accepts the documented InvoiceStatus values
  useListInvoices({ query: { status: 'unpaid' } });

  const create = useCreateInvoice();

  // @ts-expect-error `amountCents` is a number of cents, not a string
  create.mutate({ body: { amountCents: '12.50', currency: 'EUR', description: 'Consulting' } });

  // @ts-expect-error `description` is required by CreateInvoice
  create.mutate({ body: { amountCents: 1250, currency: 'EUR' } });

  // @ts-expect-error the owner is the caller: CreateInvoice has no `userId`
  create.mutate({ body: { amountCents: 1250, currency: 'EUR', description: 'Consulting', userId: 'mallory' } });

  // A right call compiles, and the data is typed from the document.
  create.mutate({ body: { amountCents: 1250, currency: 'EUR', description: 'Consulting' } });
  const list = useListInvoices({ query: { limit: 20, status: 'open' } });
  assertType<Equal<typeof list.data, InvoiceList | undefined>>();
  const one = useGetInvoice({ path: { id: '0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11' } });
  assertType<Equal<typeof one.data, Invoice | undefined>>();
}
