'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { browserApiClient } from '@/lib/api-client';

type Field = 'name' | 'email';
type FieldErrors = Partial<Record<Field, string[]>>;
type Outcome =
  | { kind: 'idle' }
  | { kind: 'created'; id: string; name: string }
  | { kind: 'failed'; message: string; fields: FieldErrors };

/**
 * Creates a user through the typed client. The API is the one place that validates: the form
 * sends what was typed (`noValidate`) and shows the API's 400 and 409 answers next to the fields.
 */
export function CreateUserForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const json = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };

    startTransition(async () => {
      const next = await createUser(json);
      setOutcome(next);
      if (next.kind === 'created') {
        formRef.current?.reset();
        router.refresh(); // re-render the server components, so the list shows the new user
      } else {
        // Move focus to the first field with an error, so keyboard and screen reader users land on it.
        const first = (['name', 'email'] as const).find((field) => next.fields[field]);
        if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      }
    });
  }

  const fields = outcome.kind === 'failed' ? outcome.fields : {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="stack" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <TextField name="name" label="Name" autoComplete="name" errors={fields.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" errors={fields.email} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </button>
      </div>
      {/* Always in the DOM so screen readers announce changes to it. */}
      <div aria-live="polite" data-testid="form-status">
        {outcome.kind === 'created' && (
          <p className="success">
            Added <Link href={`/users/${outcome.id}`}>{outcome.name}</Link>.
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p className="error" data-testid="form-error">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}

// #region handle-api-errors
/** Calls POST /api/users and turns every answer, including errors, into something to show. */
async function createUser(json: { name: string; email: string }): Promise<Exclude<Outcome, { kind: 'idle' }>> {
  try {
    const response = await browserApiClient().users.$post({ json });
    if (response.status === 201) {
      const user = await response.json(); // typed: User
      return { kind: 'created', id: user.id, name: user.name };
    }
    if (response.status === 400 || response.status === 409) {
      // Both bodies are typed by the contract (server/contract.ts): a validation error or "email taken".
      const { error } = await response.json();
      return { kind: 'failed', message: error.message, fields: error.details ?? {} };
    }
    // Not in the contract (e.g. a 500 from onError): the types say this cannot happen, the network disagrees.
    return { kind: 'failed', message: 'The server could not add the user. Try again.', fields: {} };
  } catch {
    return { kind: 'failed', message: 'Could not reach the server. Check your connection and try again.', fields: {} };
  }
}
// #endregion

function TextField(props: { name: Field; label: string; type?: string; autoComplete: string; errors?: string[] }) {
  const id = `user-${props.name}`;
  const errorId = `${id}-error`;
  const invalid = Boolean(props.errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      {invalid && (
        <p id={errorId} className="field-error">
          {props.errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
