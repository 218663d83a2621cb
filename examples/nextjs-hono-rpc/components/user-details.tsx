import { serverApiClient } from '@/lib/server-api-client';

// #region user-details
/** One user by id; a 404 from the API is shown as the API's own message, not hidden. */
export async function UserDetails({ id }: { id: string }) {
  const api = await serverApiClient();
  const response = await api.users[':id'].$get({ param: { id } });

  if (response.status === 404) {
    const { error } = await response.json(); // typed as the 404 body: ApiErrorBody
    return (
      <p className="error" data-testid="api-error">
        {error.message}
      </p>
    );
  }
  if (!response.ok) throw new Error(`Could not load user ${id}`); // e.g. a 500, shown by app/error.tsx

  const user = await response.json(); // typed as User: TypeScript knows the 404 case is gone
  return (
    <dl className="user-details" data-testid="user-details">
      <dt>Name</dt>
      <dd>{user.name}</dd>
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Created</dt>
      <dd>
        <time dateTime={user.createdAt}>{new Date(user.createdAt).toUTCString()}</time>
      </dd>
    </dl>
  );
}
// #endregion
