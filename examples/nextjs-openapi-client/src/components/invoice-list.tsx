'use client';

import type { Invoice } from '@/api/generated/requests/types.gen';
import { useListInvoices } from '@/api/generated/queries';
import { ApiErrorMessage } from './api-error-message';

const formatAmount = (invoice: Invoice) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: invoice.currency }).format(invoice.amountCents / 100);

const formatDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

// #region invoice-list
/** The signed-in user's invoices, newest first, through the generated `useListInvoices` hook. */
export function InvoiceList() {
  const { data, error, isPending, isFetching } = useListInvoices({ query: { limit: 20 } });
  // The generated result type allows `undefined` (it comes from the SDK's non-throwing signature).
  const invoices = data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="invoices-title" aria-busy={isFetching}>
      <h2 id="invoices-title">Your invoices</h2>
      {isPending ? (
        <p role="status">Loading invoices…</p>
      ) : error ? (
        <ApiErrorMessage error={error} testId="invoices-error" />
      ) : invoices.length === 0 ? (
        <p data-testid="invoices-empty">No invoices yet. Create one with the form.</p>
      ) : (
        <ul className="invoices" data-testid="invoice-list">
          {invoices.map((invoice) => (
            <li key={invoice.id}>
              <span className="description">{invoice.description}</span>
              <span className="amount">{formatAmount(invoice)}</span>
              <span className="meta">
                {invoice.status} · {formatDate(invoice.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
// #endregion invoice-list
