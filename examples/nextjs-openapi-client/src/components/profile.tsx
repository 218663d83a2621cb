'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { describeApiError } from '@/api/api-error';
import { useCreateUser, useGetUser, useGetUserKey } from '@/api/generated/queries';
import { ApiErrorMessage } from './api-error-message';
import { groupFieldErrors } from './field-errors';
import { FormField } from './form-field';

/** Which form field shows each of the service's validation paths. */
const FIELD_FOR: Record<string, string> = { 'body.name': 'name', 'body.email': 'email' };

/** The signed-in user's profile, or a form to register them (the service requires it before invoices). */
export function Profile({ userId }: { userId: string }) {
  // #region user-hooks
  const queryClient = useQueryClient();
  // GET /v1/users/{id} and POST /v1/users, as hooks generated from their operationIds.
  const user = useGetUser({ path: { id: userId } });
  const register = useCreateUser(undefined, {
    // A created user invalidates the cached read, so the profile refetches and shows it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [useGetUserKey] }),
  });
  // #endregion

  if (user.isPending) return <p role="status">Loading your profile…</p>;
  if (user.data) {
    return (
      <p className="profile" data-testid="profile">
        Registered as <strong>{user.data.name}</strong> &lt;{user.data.email}&gt;
      </p>
    );
  }
  if (describeApiError(user.error).code !== 'not_found') return <ApiErrorMessage error={user.error} />;

  const errors = register.isError ? groupFieldErrors(describeApiError(register.error).fields, FIELD_FOR) : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // #region user-mutate
    register.mutate({ body: { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') } });
    // #endregion
  };

  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">Register</h2>
      <p>The service only keeps invoices for registered users. Register {userId} once:</p>
      <form onSubmit={onSubmit} noValidate>
        <FormField name="name" label="Name" autoComplete="name" errors={errors.name} />
        <FormField name="email" label="Email" type="email" autoComplete="email" errors={errors.email} />
        {register.isError && <ApiErrorMessage error={register.error} testId="register-error" shownPaths={Object.keys(FIELD_FOR)} />}
        <button type="submit" disabled={register.isPending}>
          {register.isPending ? 'Registering…' : 'Register'}
        </button>
      </form>
    </section>
  );
}
