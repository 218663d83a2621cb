/**
 * The typed client for the Hono API: its types come from `AppType`, so a renamed route, a missing
 * field or a wrong parameter fails `tsc`, not production. No code generation step.
 */
// #region api-client
import { hc } from 'hono/client';
// `import type` from the contract module: the client compiles against the API's types and
// bundles none of its code.
import type { AppType } from '@/server/contract';

export type ApiClient = ReturnType<typeof hc<AppType>>;

/**
 * A client for the API at `baseUrl` (the URL of the `/api` mount, absolute on the server).
 *
 * @example
 * const api = createApiClient('http://localhost:3000/api');
 * const res = await api.users[':id'].$get({ param: { id: '1' } });
 */
export const createApiClient = (baseUrl: string): ApiClient => hc<AppType>(baseUrl);

/** In the browser the API is on the page's own origin. */
export const browserApiClient = (): ApiClient => createApiClient(new URL('/api', window.location.origin).href);
// #endregion
