'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeApiError } from '@/api/api-error';
import { useCreateInvoice, useListInvoicesKey } from '@/api/generated/queries';
import type { CreateInvoice } from '@/api/generated/requests/types.gen';
import { ApiErrorMessage } from './api-error-message';
import { groupFieldErrors } from './field-errors';
import { FormField } from './form-field';

/** Which form field shows each of the service's validation paths. */
const FIELD_FOR: Record<string, string> = { 'body.amountCents': 'amount', 'body.currency': 'currency', 'body.description': 'description' };

/** "12.50" → 1250. Anything else becomes NaN (sent as null), and the service says what is wrong. */
const toCents = (amount: string) => (amount.trim() === '' ? Number.NaN : Math.round(Number(amount) * 100));

/** Create an invoice; on success the invoice list refetches, so the new one appears. */
export function CreateInvoiceForm() {
  const [created, setCreated] = useState<string>();

  // #region create-invoice-mutation
  const queryClient = useQueryClient();
  const createInvoice = useCreateInvoice(undefined, {
    // The list's cached data is now stale: invalidate every `listInvoices` query (any params),
    // and TanStack Query refetches the ones on screen.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [useListInvoicesKey] }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body: CreateInvoice = {
      amountCents: toCents(String(form.get('amount') ?? '')),
      currency: String(form.get('currency') ?? ''),
      description: String(form.get('description') ?? ''),
    };
    setCreated(undefined);
    createInvoice.mutate(
      { body },
      {
        onSuccess: ({ data }) => {
          setCreated(data?.description);
          formElement.reset();
        },
      },
    );
  };
  // #endregion create-invoice-mutation

  const error = createInvoice.isError ? describeApiError(createInvoice.error) : undefined;
  const errors = error ? groupFieldErrors(error.fields, FIELD_FOR) : {};

  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">New invoice</h2>
      {/* noValidate: the service's schema is the one source of truth, and its messages are shown. */}
      <form onSubmit={onSubmit} noValidate>
        <FormField name="amount" label="Amount" hint="For example 125.00" inputMode="decimal" errors={errors.amount} />
        <FormField name="currency" label="Currency" hint="3-letter ISO 4217 code" defaultValue="EUR" maxLength={3} errors={errors.currency} />
        <FormField name="description" label="Description" errors={errors.description} />
        {createInvoice.isError && <ApiErrorMessage error={createInvoice.error} testId="create-error" shownPaths={Object.keys(FIELD_FOR)} />}
        <button type="submit" disabled={createInvoice.isPending}>
          {createInvoice.isPending ? 'Creating…' : 'Create invoice'}
        </button>
        <p role="status" className="success" data-testid="create-success">
          {created ? `Created “${created}”.` : ''}
        </p>
      </form>
    </section>
  );
}
