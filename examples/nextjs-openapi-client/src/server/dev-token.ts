import 'server-only';

/** Thrown when the dev identity provider cannot be reached or answers something unexpected. */
export class TokenUnavailableError extends Error {
  override name = 'TokenUnavailableError';
}

type CachedToken = { value: string; renewAt: number };

/** Renew this long before expiry, so a token never expires between check and use. */
const RENEW_MARGIN_MS = 30_000;

const cache = new Map<string, Promise<CachedToken>>();

const cacheKey = (idpUrl: string, sub: string, scope: string) => `${idpUrl}|${sub}|${scope}`;

async function requestToken(idpUrl: string, sub: string, scope: string): Promise<CachedToken> {
  let response: Response;
  try {
    // DEV ONLY: this IdP signs a token for any `sub` it is sent. In production the token comes
    // from the user's session (OIDC code flow) and this module is replaced, not configured.
    response = await fetch(`${idpUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub, scope }),
      signal: AbortSignal.timeout(5_000),
      cache: 'no-store',
    });
  } catch (error) {
    throw new TokenUnavailableError(`The dev identity provider is not reachable at ${idpUrl}`, { cause: error });
  }
  const body = (await response.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown } | undefined;
  if (!response.ok || typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
    throw new TokenUnavailableError(`The dev identity provider at ${idpUrl} answered ${response.status} without a token`);
  }
  return { value: body.access_token, renewAt: Date.now() + body.expires_in * 1000 - RENEW_MARGIN_MS };
}

/**
 * A bearer token for `sub`, cached server-side until shortly before it expires. Concurrent
 * callers share one request to the IdP. The token never reaches the browser.
 */
export async function getDevToken(options: { idpUrl: string; sub: string; scope: string; fresh?: boolean }): Promise<string> {
  const key = cacheKey(options.idpUrl, options.sub, options.scope);
  const current = options.fresh ? undefined : cache.get(key);
  if (current) {
    const cached = await current.catch(() => undefined);
    if (cached && cached.renewAt > Date.now()) return cached.value;
    // Another caller may have started the renewal while this one waited: share it.
    const latest = cache.get(key);
    if (latest && latest !== current) return (await latest).value;
  }
  const pending = requestToken(options.idpUrl, options.sub, options.scope);
  cache.set(key, pending);
  // A failed request must not stay cached: the next call retries.
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return (await pending).value;
}
