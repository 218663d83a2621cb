import { client } from './generated/requests/client.gen';

/** Where the browser sends every generated request: this app's own BFF proxy route. */
export const SERVICE_PROXY_PATH = '/api/service';

/** What an error interceptor adds to the service's error body, for the UI (see `describeApiError`). */
export type ErrorMeta = { status?: number; retryAfterSeconds?: number };

// #region client-config
// The generated client has no base URL of its own: point it at the proxy, not at the service.
// The browser never talks to the service directly and never holds a token.
client.setConfig({ baseUrl: SERVICE_PROXY_PATH });

// Errors arrive as the service's JSON body `{ error: { code, message, details? } }`; keep the
// HTTP status and Retry-After beside it so a 429 can say when to try again.
client.interceptors.error.use((error, response) => {
  if (!response || typeof error !== 'object' || error === null) return error;
  const retryAfter = Number(response.headers.get('retry-after'));
  const meta: ErrorMeta = { status: response.status, ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  return Object.assign(error, meta);
});
// #endregion client-config

export { client };
