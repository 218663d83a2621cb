import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Logger } from 'pino';
import type { AppEnv } from './lib/app-env.ts';
import { createApiKeyVerifier } from './lib/auth/api-keys.ts';
import type { Principal } from './lib/auth/verify-token.ts';
import type { Database } from './lib/db/client.ts';
import { AppError, ERROR_CODES } from './lib/errors/app-error.ts';
import { createErrorHandler, createNotFoundHandler, errorResponse, validationError } from './lib/errors/error-handler.ts';
import type { ReportJobs } from './lib/jobs/report-job.ts';
import { createLifecycle, type Lifecycle } from './lib/lifecycle.ts';
import { requireAuth } from './middleware/auth.ts';
import { createBucket, rateLimit } from './middleware/rate-limit.ts';
import { createMemoryStore, type RateLimitStore } from './middleware/rate-limit-store.ts';
import { requestLogger } from './middleware/request-logger.ts';
import { responseHeaders, type ResponseHeadersOptions, type SecureHeadersOptions } from './middleware/response-headers.ts';
import { createApiKeyRoutes } from './routes/api-keys.ts';
import { createDocsRoutes } from './routes/docs.ts';
import { createHealthRoutes } from './routes/health.ts';
import { createHomeRoutes, listOperations } from './routes/home.ts';
import { createInvoiceRoutes } from './routes/invoices.ts';
import { createReportRoutes } from './routes/reports.ts';
import { createUserRoutes } from './routes/users.ts';
import { registerResponseHeaders } from './schemas/headers.ts';

/** Response headers a browser script may read when CORS is on. */
const CORS_EXPOSED = ['RateLimit', 'RateLimit-Policy', 'Retry-After', 'X-Trace-Id', 'Location'];

/** Request bodies beyond this answer 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Security headers of every API response: the set the OWASP REST Security Cheat Sheet lists for
 * APIs, made with Hono's `secureHeaders()` plus `Cache-Control: no-store` (answers are per user:
 * no browser or proxy may keep them). The headers that only matter to HTML pages are left to the
 * one HTML page, the API reference (`PAGE_SECURITY_HEADERS`).
 */
export const API_SECURITY_HEADERS: ResponseHeadersOptions = {
  secure: {
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    // HTML-only protections: nothing to protect in a JSON body.
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  },
  headers: { 'Cache-Control': 'no-store' },
};

/** Hono's full `secureHeaders()` set for the API reference page (the service's only HTML). */
export const PAGE_SECURITY_HEADERS: SecureHeadersOptions = {
  // The page needs its own scripts and styles only ('unsafe-inline' styles: Swagger UI sets style
  // attributes). No inline script anywhere.
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

/** The document's header: `/openapi.json` and the index at `/` both read it. */
const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'hono-service',
    version: '1.0.0',
    contact: { name: 'EGCA Engineering Handbook maintainers' },
    description: [
      'Reference service of the EGCA Engineering Handbook (Backend API playbook).',
      '',
      'Every error answers `{ "error": { "code", "message", "details"? } }`. Codes:',
      '',
      ...Object.entries(ERROR_CODES).map(([code, { status, description }]) => `- \`${code}\` (${status}): ${description}`),
    ].join('\n'),
  },
  tags: [
    { name: 'Users', description: 'Users are identified by the `sub` of their tokens.' },
    { name: 'Invoices', description: 'Each invoice belongs to one user; only its owner can see it.' },
    { name: 'Reports', description: 'Expensive work, done by the background worker: queue a report, then poll it.' },
    { name: 'API keys', description: 'Keys for external integrations: scoped, expiring (90 days at most), revocable; managed with a bearer token only.' },
    { name: 'Operations', description: 'Health and readiness.' },
  ],
} satisfies Parameters<OpenAPIHono["doc31"]>[1];

/** Everything the app needs from outside; the server and the tests pass their own. */
export type AppDeps = {
  db: Database;
  /** Database ping for `/health`. */
  ping: () => Promise<void>;
  /** Redis ping for `/health` (see `redisPing`), when the service uses Redis; down answers 200 `degraded`. */
  pingRedis?: () => Promise<void>;
  /** Bearer token to principal (see `createTokenVerifier`). */
  verifyToken: (token: string) => Promise<Principal>;
  /** `X-API-Key` to principal; by default `createApiKeyVerifier` over `db`. */
  verifyApiKey?: (key: string) => Promise<Principal>;
  logger: Logger;
  lifecycle?: Lifecycle;
  /** Browser origins allowed to read answers (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** The report queue (BullMQ); without it the report routes answer 503 `jobs_unavailable`. */
  jobs?: ReportJobs;
  rateLimit?: {
    store?: RateLimitStore;
    /** Requests per minute per (user + endpoint). */
    readPerMinute?: number;
    writePerMinute?: number;
    reportsPerMinute?: number;
    /** Failed authentications per minute per client address. */
    authFailuresPerMinute?: number;
    /** `/health` calls per minute per client address. */
    healthPerMinute?: number;
    now?: () => number;
  };
};

/** Where each validation target shows up in `details[].path`. */
const TARGET_NAMES: Record<string, string> = { json: 'body', param: 'path', query: 'query', header: 'header' };

/**
 * Build the whole service: middleware, routes, OpenAPI document and reference page.
 * `src/index.ts` serves it; tests call `app.request()` on the very same app.
 *
 * @example const app = createApp({ db, ping, verifyToken, logger })
 */
export function createApp(deps: AppDeps) {
  for (const key of ['db', 'ping', 'verifyToken', 'logger'] as const) {
    if (!deps?.[key]) throw new TypeError(`createApp: deps.${key} is required`);
  }
  const lifecycle = deps.lifecycle ?? createLifecycle();
  const store = deps.rateLimit?.store ?? createMemoryStore();
  const now = deps.rateLimit?.now;
  const onStoreError = (error: unknown) => deps.logger.warn({ err: error }, 'rate limit store failed: request let through');
  const perMinute = (name: string, capacity: number) => ({ store, now, onStoreError, policy: { name, capacity, windowSeconds: 60 } });
  // #region report-bucket
  // Lenient on reads, aggressive on writes, strictest on expensive work: one report queues minutes
  // of database reads, so its bucket is a few per minute. Each tier is its own bucket per caller.
  const limits = {
    read: rateLimit(perMinute('read', deps.rateLimit?.readPerMinute ?? 300)),
    write: rateLimit(perMinute('write', deps.rateLimit?.writePerMinute ?? 30)),
    report: rateLimit(perMinute('reports', deps.rateLimit?.reportsPerMinute ?? 5)),
  };
  // #endregion report-bucket
  // Per client address: failed authentications (guessing), and /health (each call pings the database).
  const authFailures = createBucket(perMinute('auth-failures', deps.rateLimit?.authFailuresPerMinute ?? 60));
  const healthLimit = rateLimit(perMinute('health', deps.rateLimit?.healthPerMinute ?? 600));
  const onDegraded = (dependency: string, error: unknown) => deps.logger.warn({ err: error, dependency }, 'health: dependency down, answering degraded');

  // #region validation-hook
  const app = new OpenAPIHono<AppEnv>({
    // Every failed validation answers the documented shape, listing each failing field.
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, TARGET_NAMES[result.target] ?? result.target);
    },
  });
  // #endregion validation-hook

  // Security headers, trace id and rate-limit headers, on every response.
  app.use(responseHeaders(API_SECURITY_HEADERS));
  app.use(requestLogger({ logger: deps.logger }));
  // On the routes that take a body, after their rate limit (so a 413 is counted and carries its
  // headers). Nothing reads a body before it: the limit still applies before a byte is parsed.
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, new AppError('payload_too_large', `The request body exceeds ${MAX_BODY_BYTES / 1024} KB`)),
  });
  // CORS only for the origins configured: browsers on any other origin cannot read answers.
  if (deps.corsOrigins?.length) {
    app.use(cors({ origin: [...deps.corsOrigins], allowHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'Idempotency-Key', 'traceparent'], exposeHeaders: CORS_EXPOSED, maxAge: 600 }));
  }
  app.use('/v1/*', requireAuth({ verify: deps.verifyToken, verifyApiKey: deps.verifyApiKey ?? createApiKeyVerifier({ db: deps.db }), failures: authFailures }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'ES256 JWT from the identity provider, at most 15 minutes long; scopes in the `scope` claim. Verified as RFC8725 (JSON Web Token Best Current Practices) asks: ' +
      'an algorithm allow-list (ES256 only; `none` and HS256 refused), the signature against the JWKS, and `iss`, `aud`, `exp`, `nbf` and `iat` checked on every request.',
  });
  registerResponseHeaders(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKeyAuth', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'A key a user created with `POST /v1/api-keys`, for an external integration: it acts for that user with its own scopes, until it expires or is revoked. It cannot manage keys.',
  });

  // #region v1-routes
  const routes = app
    .route('/', createHomeRoutes({ operations: () => listOperations(app.getOpenAPI31Document(OPENAPI_CONFIG)) }))
    .route('/', createHealthRoutes({ ping: deps.ping, pingRedis: deps.pingRedis, onDegraded, lifecycle, limit: healthLimit }))
    .route('/v1/users', createUserRoutes({ db: deps.db, limits, limitBody }))
    .route('/v1/invoices', createInvoiceRoutes({ db: deps.db, limits, limitBody }))
    .route('/v1/reports', createReportRoutes({ db: deps.db, limits, limitBody, jobs: deps.jobs }))
    .route('/v1/api-keys', createApiKeyRoutes({ db: deps.db, limits, limitBody }))
    .route('/', createDocsRoutes({ secureHeaders: PAGE_SECURITY_HEADERS }));

  app.doc31('/openapi.json', OPENAPI_CONFIG);
  // #endregion v1-routes

  app.onError(createErrorHandler({ logger: deps.logger }));
  app.notFound(createNotFoundHandler({ app }));
  return routes;
}

/** The app's full type: `hc<AppType>(url)` gives a typed client of every route. */
export type AppType = ReturnType<typeof createApp>;
