/**
 * The API client for server components. Server code has no page origin, so it needs an absolute
 * URL: `API_BASE_URL` when the API lives elsewhere, else this same Next server on `PORT`.
 */
import { connection } from 'next/server';
import { createApiClient, type ApiClient } from './api-client';

// #region server-api-client
/**
 * Where server components reach the API. Not derived from the request's Host header: that
 * header is chosen by the caller, and fetching from it would let anyone point the server at
 * another host.
 */
export function serverApiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.API_BASE_URL) return env.API_BASE_URL;
  // `next dev` and `next start` set PORT to the port they listen on.
  return `http://localhost:${env.PORT ?? '3000'}/api`;
}

/** A client for server components; renders the calling page per request (see below). */
export async function serverApiClient(): Promise<ApiClient> {
  // The API is this very server, which is not running during `next build`: without this, Next
  // would try to prerender the page at build time and the fetch would fail.
  await connection();
  return createApiClient(serverApiBaseUrl());
}
// #endregion
