import { z } from '@hono/zod-openapi';

/** Body of `GET /health` when the service can take traffic. */
export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    checks: z.object({ database: z.literal('ok') }),
  })
  .openapi('Health');
