import 'server-only';

/** Where the BFF finds the service and the dev identity provider, and who the dev user is. */
export type ServiceConfig = {
  /** Base URL of examples/hono-service, without a trailing slash. */
  serviceUrl: string;
  /** Base URL of the dev identity provider that examples/hono-service starts beside it. */
  idpUrl: string;
  /** The `sub` of the development user; a real app takes it from its session instead. */
  userId: string;
  /** Scopes requested for the development user's tokens. */
  scopes: string;
};

const DEFAULT_SCOPES = 'users:read users:write invoices:read invoices:write';

const baseUrl = (name: string, value: string): string => {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http(s)');
    return url.href.replace(/\/+$/, '');
  } catch {
    throw new Error(`Invalid environment: ${name} must be an http(s) URL, got "${value}"`);
  }
};

/**
 * Read the configuration from the environment on every call, so one build serves any
 * environment (the e2e tests start a second instance pointed at a closed port).
 * Empty variables count as unset.
 */
export function readServiceConfig(env: Record<string, string | undefined> = process.env): ServiceConfig {
  const get = (name: string) => (env[name] ? env[name] : undefined);
  return {
    serviceUrl: baseUrl('SERVICE_URL', get('SERVICE_URL') ?? `http://localhost:${get('SERVICE_PORT') ?? '8787'}`),
    idpUrl: baseUrl('IDP_URL', get('IDP_URL') ?? `http://localhost:${get('IDP_PORT') ?? '8788'}`),
    userId: get('DEV_USER_ID') ?? 'dev-user',
    scopes: get('DEV_USER_SCOPES') ?? DEFAULT_SCOPES,
  };
}
