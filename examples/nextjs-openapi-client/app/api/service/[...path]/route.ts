import { NextResponse, type NextRequest } from 'next/server';
import { bffError, BFF_ERROR_CODES } from '@/api/bff-error';
import { getDevToken, TokenUnavailableError } from '@/server/dev-token';
import { readServiceConfig } from '@/server/service-config';

// Configuration and tokens are per request: never prerender or cache this route.
export const dynamic = 'force-dynamic';

/** Only the service's API and health check are forwarded; everything else is refused. */
const FORWARDED_PATH = /^(v1\/[A-Za-z0-9._~%/-]+|health)$/;

/** Response headers worth passing on (status-related); hop-by-hop and encoding headers are not. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'ratelimit', 'ratelimit-policy', 'x-request-id', 'location'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Context = { params: Promise<{ path: string[] }> };

// #region proxy-route
/**
 * Backend-for-frontend proxy: the browser calls `/api/service/*` on this app (same origin, no
 * CORS, no token in JavaScript); this handler adds the bearer token server-side and forwards
 * to the service. A rewrite cannot do this: rewrites cannot add headers.
 */
async function forward(request: NextRequest, { params }: Context): Promise<Response> {
  const config = readServiceConfig();
  const path = (await params).path.join('/');
  if (!FORWARDED_PATH.test(path) || path.includes('..')) {
    return NextResponse.json(bffError('not_proxied', `/${path} is not forwarded to the service`), { status: BFF_ERROR_CODES.not_proxied });
  }
  // The proxy acts with the user's token, so another site must not be able to make the browser
  // send it writes (CSRF). Route handlers, unlike Server Actions, have no such check built in.
  const origin = request.headers.get('origin');
  if (!SAFE_METHODS.has(request.method) && origin !== null && origin !== request.nextUrl.origin) {
    return NextResponse.json(bffError('cross_origin', `Requests from ${origin} are not accepted`), { status: BFF_ERROR_CODES.cross_origin });
  }
  const target = `${config.serviceUrl}/${path}${request.nextUrl.search}`;
  // Buffered (the service caps bodies at 64 KB) so the request can be replayed once below.
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();

  const send = async (fresh: boolean) => {
    const token = await getDevToken({ idpUrl: config.idpUrl, sub: config.userId, scope: config.scopes, fresh });
    const headers = new Headers({ authorization: `Bearer ${token}`, accept: 'application/json' });
    const contentType = request.headers.get('content-type');
    if (contentType) headers.set('content-type', contentType);
    return fetch(target, { method: request.method, headers, body, cache: 'no-store', signal: AbortSignal.timeout(10_000) });
  };

  let upstream: Response;
  try {
    upstream = await send(false);
    // The IdP restarted with a new key: our cached token is now unknown. Get a new one, once.
    if (upstream.status === 401) {
      await upstream.body?.cancel();
      upstream = await send(true);
    }
  } catch (error) {
    const what = error instanceof TokenUnavailableError ? `Its dev identity provider is not reachable at ${config.idpUrl}` : `The service is not reachable at ${config.serviceUrl}`;
    const message = `${what}. Start examples/hono-service: cd examples/hono-service && npm install && npm run dev`;
    return NextResponse.json(bffError('service_unreachable', message, config.serviceUrl), { status: BFF_ERROR_CODES.service_unreachable });
  }

  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
// #endregion proxy-route

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE };
