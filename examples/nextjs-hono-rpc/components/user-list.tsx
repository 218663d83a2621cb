import Link from 'next/link';
import { serverApiClient } from '@/lib/server-api-client';

// #region user-list
/** Every user, fetched on the server through the typed client (a server component). */
export async function UserList() {
  const api = await serverApiClient();
  const response = await api.users.$get();
  if (!response.ok) {
    // Rendered by app/error.tsx with a retry button.
    throw new Error(`Could not load users (HTTP ${response.status})`);
  }
  const users = await response.json(); // typed: User[], inferred from the contract (server/contract.ts)

  if (users.length === 0) return <p>No users yet.</p>;
  return (
    <ul className="user-list" data-testid="user-list">
      {users.map((user) => (
        <li key={user.id}>
          <Link href={`/users/${user.id}`}>{user.name}</Link> <span className="muted">{user.email}</span>
        </li>
      ))}
    </ul>
  );
}
// #endregion
