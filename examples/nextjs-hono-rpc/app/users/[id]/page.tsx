import Link from 'next/link';
import { UserDetails } from '@/components/user-details';

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <h1>User {id}</h1>
      <UserDetails id={id} />
      <p>
        <Link href="/">Back to all users</Link>
      </p>
    </>
  );
}
