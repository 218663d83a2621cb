import { z } from '@hono/zod-openapi';

/** Body of `GET /health` when the service can take traffic (a down database is a 503 instead). */
export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']).openapi({
      description: '`ok`: every check is `ok`. `degraded`: a dependency other than the database is down (see `checks`); the service still answers, without what needs it.',
    }),
    checks: z.object({
      database: z.literal('ok'),
      redis: z.enum(['ok', 'down']).optional().openapi({
        description: 'Only when the service uses Redis (`REDIS_URL`: rate-limit buckets, the report queue). `down`: buckets let requests through and report creation answers 503 `jobs_unavailable`.',
      }),
    }),
  })
  .openapi('Health');
