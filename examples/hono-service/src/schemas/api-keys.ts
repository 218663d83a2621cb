import { z } from '@hono/zod-openapi';
import { int32, text, timestamp, uuid } from './common.ts';

/** Scopes a key may carry: any the creator holds, except managing keys (keys never manage keys). */
export const API_KEY_SCOPES = ['users:read', 'users:write', 'users:admin', 'invoices:read', 'invoices:write', 'reports:read', 'reports:write'] as const;

/** Longest life of a key: integrations rotate at least this often. */
export const MAX_API_KEY_DAYS = 90;

/** Most live (not revoked, not expired) keys one user may hold. */
export const MAX_LIVE_API_KEYS = 20;

export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPES).openapi('ApiKeyScope');

/** Body of `POST /v1/api-keys`. */
export const CreateApiKeySchema = z
  .object({
    name: text(1, 100).openapi({ example: 'Acme billing sync' }),
    scopes: z
      .array(ApiKeyScopeSchema)
      .min(1)
      .max(API_KEY_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'List each scope once')
      .openapi({ example: ['invoices:read'], description: 'A subset of the scopes of your own token.' }),
    expiresInDays: int32(1, MAX_API_KEY_DAYS).openapi({ example: 30, description: `At most ${MAX_API_KEY_DAYS} days: rotate keys by creating a new one, then revoking the old.` }),
  })
  .strict()
  .openapi('CreateApiKey');

/** An API key as listed: never its secret. */
export const ApiKeySchema = z
  .object({
    id: uuid(),
    name: z.string().min(1).max(100),
    prefix: z.string().length(12).regex(/^hsk_[0-9a-f]{8}$/).openapi({ example: 'hsk_0b9f6f5e', description: 'The start of the key, to tell keys apart.' }),
    scopes: z.array(ApiKeyScopeSchema).max(API_KEY_SCOPES.length),
    createdAt: timestamp(),
    expiresAt: timestamp(),
  })
  .openapi('ApiKey');

/** Body of `201` from `POST /v1/api-keys`: the only time the key itself is shown. */
export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z
    .string()
    .length(80)
    .regex(/^hsk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/)
    .openapi({ description: 'The key. Shown this once: only a hash of it is stored. Send it as `X-API-Key`.', example: `hsk_0b9f6f5e2f7c4e4b9a553f1b8f0d2c11_${'x'.repeat(43)}` }),
}).openapi('CreatedApiKey');

/** Body of `GET /v1/api-keys`: the caller's keys that are not revoked, newest first. */
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema).max(100) }).openapi('ApiKeyList');

/** Path parameters of `DELETE /v1/api-keys/{id}`. */
export const ApiKeyParamsSchema = z.object({
  id: uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11' }),
});

export type ApiKey = z.infer<typeof ApiKeySchema>;
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;
