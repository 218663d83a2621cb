import { getDb } from '@/lib/db';

/**
 * Readiness: answers 200 once the database is open, migrated and seeded. The first call starts
 * PGlite (seconds in WASM), so a load balancer or the test runner can wait here instead of a
 * user waiting on their first page.
 */
export async function GET() {
  await getDb();
  return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
