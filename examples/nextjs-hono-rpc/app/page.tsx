import { CreateUserForm } from '@/components/create-user-form';
import { UserList } from '@/components/user-list';

export default function HomePage() {
  return (
    <>
      <h1>Users</h1>
      <p>
        The list comes from <code>GET /api/users</code> and the form posts to <code>POST /api/users</code>, both
        through the typed Hono client.
      </p>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">All users</h2>
        <UserList />
      </section>
      <CreateUserForm />
    </>
  );
}
