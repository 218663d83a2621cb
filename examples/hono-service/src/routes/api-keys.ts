import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AppEnv } from '../lib/app-env.ts';
import { apiKeyPrefix, generateApiKey } from '../lib/auth/api-keys.ts';
import { apiKeys, users } from '../lib/db/schema.ts';
import { AppError, NotFoundError } from '../lib/errors/app-error.ts';
import { requireBearer, requireScope } from '../middleware/auth.ts';
import { json } from '../middleware/response-headers.ts';
import { ApiKeyListSchema, ApiKeyParamsSchema, CreateApiKeySchema, CreatedApiKeySchema, MAX_LIVE_API_KEYS, type ApiKey } from '../schemas/api-keys.ts';
import { authErrorResponses, errorResponse } from '../schemas/error.ts';
import { withResponseHeaders } from '../schemas/headers.ts';
import { bearerOnlySecurity, type RouteDeps } from './route-deps.ts';

const toApiKey = (row: typeof apiKeys.$inferSelect): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: apiKeyPrefix(row.id),
  scopes: row.scopes as ApiKey['scopes'],
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/**
 * `/v1/api-keys`: keys a user makes for a partner integration. Managed with the user's own
 * token only (`requireBearer`): a key never creates, lists or revokes keys.
 */
export function createApiKeyRoutes(deps: RouteDeps) {
  const { db, limits, limitBody } = deps;

  // #region api-key-create
  const createApiKey = createRoute({
    operationId: 'createApiKey',
    method: 'post',
    path: '/',
    tags: ['API keys'],
    summary: 'Create an API key for an integration',
    description:
      'The key acts for you with the scopes you give it (a subset of your token’s), for at most 90 days. ' +
      'The answer is the only time the key is shown: only its hash is stored. Rotate by creating a new key, ' +
      'moving the integration to it, then revoking the old one (both work in between). Requires scope `keys:write` and a bearer token.',
    security: bearerOnlySecurity,
    middleware: [limits.write, requireBearer(), requireScope('keys:write'), limitBody] as const,
    request: { body: { required: true, content: { 'application/json': { schema: CreateApiKeySchema } } } },
    responses: withResponseHeaders({
      201: { description: 'The key, shown this once.', content: { 'application/json': { schema: CreatedApiKeySchema } } },
      400: errorResponse('Invalid body (`validation_failed`, `bad_request`).'),
      409: errorResponse(`The caller is not registered, or already holds ${MAX_LIVE_API_KEYS} live keys (\`conflict\`).`),
      413: errorResponse('Body over 64 KB (`payload_too_large`).'),
      ...authErrorResponses,
    }),
  });

  const app = new OpenAPIHono<AppEnv>().openapi(createApiKey, async (c) => {
    const { name, scopes, expiresInDays } = c.req.valid('json');
    const principal = c.get('principal');
    // A key can only narrow what its creator may do, never widen it.
    const missing = scopes.find((scope) => !principal.scopes.has(scope));
    if (missing) throw new AppError('forbidden', `You cannot give a key the scope "${missing}": your token does not have it`);
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, principal.userId)).limit(1);
    if (!owner) throw new AppError('conflict', 'Register the user first with POST /v1/users');
    const live = await db.$count(apiKeys, and(eq(apiKeys.userId, principal.userId), isNull(apiKeys.revokedAt), gt(apiKeys.expiresAt, new Date())));
    if (live >= MAX_LIVE_API_KEYS) throw new AppError('conflict', `You already hold ${MAX_LIVE_API_KEYS} live keys: revoke one first`);

    const { id, key, secretHash } = generateApiKey();
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    const [row] = await db.insert(apiKeys).values({ id, userId: principal.userId, name, scopes, secretHash, expiresAt }).returning();
    if (!row) throw new Error('insert into api_keys returned no row');
    return json(c, { ...toApiKey(row), key }, 201);
  });
  // #endregion api-key-create

  const listApiKeys = createRoute({
    operationId: 'listApiKeys',
    method: 'get',
    path: '/',
    tags: ['API keys'],
    summary: 'List your API keys',
    description: 'Your keys that are not revoked (expired ones included), newest first, at most 100. Never the keys themselves. Requires scope `keys:read` and a bearer token.',
    security: bearerOnlySecurity,
    middleware: [limits.read, requireBearer(), requireScope('keys:read')] as const,
    responses: withResponseHeaders({
      200: { description: 'Your keys.', content: { 'application/json': { schema: ApiKeyListSchema } } },
      ...authErrorResponses,
    }),
  });

  const revokeApiKey = createRoute({
    operationId: 'revokeApiKey',
    method: 'delete',
    path: '/{id}',
    tags: ['API keys'],
    summary: 'Revoke an API key',
    description: 'From this request on, the key answers 401. Requires scope `keys:write` and a bearer token.',
    security: bearerOnlySecurity,
    middleware: [limits.write, requireBearer(), requireScope('keys:write')] as const,
    request: { params: ApiKeyParamsSchema },
    responses: withResponseHeaders({
      204: { description: 'Revoked.' },
      400: errorResponse('Invalid id (`validation_failed`).'),
      404: errorResponse('No such live key of yours (`not_found`).'),
      ...authErrorResponses,
    }),
  });

  return app
    .openapi(listApiKeys, async (c) => {
      const rows = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, c.get('principal').userId), isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
        .limit(100);
      return json(c, { items: rows.map(toApiKey) }, 200);
    })
    .openapi(revokeApiKey, async (c) => {
      const { id } = c.req.valid('param');
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, c.get('principal').userId), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      if (!row) throw new NotFoundError('API key');
      return c.body(null, 204);
    });
}
