import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEV_IDP_PORT } from '../env.ts';
import { createIdpApp } from './app.ts';
import { loadOrCreateSigningKey } from './keys.ts';

// The dev IdP signs any token it is asked for: refuse to run where that could be reachable.
if (process.env.NODE_ENV === 'production') {
  console.error('The dev identity provider must not run with NODE_ENV=production.');
  process.exit(1);
}

const parsed = z
  .object({
    IDP_PORT: z.coerce.number().int().min(1).max(65535).default(DEV_IDP_PORT),
    IDP_KEY_DIR: z.string().min(1).default(fileURLToPath(new URL('../../.idp/', import.meta.url))),
    JWT_AUDIENCE: z.string().min(1).default('hono-service'),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
if (!parsed.success) {
  console.error(`Invalid environment:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  process.exit(1);
}
const env = parsed.data;
// The issuer is the IdP's own URL; the service's JWT_ISSUER default is the same string.
const issuer = process.env.JWT_ISSUER || `http://localhost:${env.IDP_PORT}`;

const key = await loadOrCreateSigningKey(env.IDP_KEY_DIR);
const app = createIdpApp({ key, issuer, audience: env.JWT_AUDIENCE });
const server = serve({ fetch: app.fetch, port: env.IDP_PORT }, (info) => {
  console.log(JSON.stringify({ msg: 'dev IdP listening', jwks: `http://localhost:${info.port}/.well-known/jwks.json`, issuer, kid: key.kid }));
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => process.exit(0)));
