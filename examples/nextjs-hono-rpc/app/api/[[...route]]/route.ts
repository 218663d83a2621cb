/**
 * Mounts the Hono API inside Next: one process serves the pages and /api, so the project runs
 * alone (locally and in StackBlitz) with no second server to start.
 */
import { Hono } from 'hono';
import { handle } from 'hono/vercel';
import api, { apiError } from '@/server/api';

// #region mount
const app = new Hono()
  .basePath('/api')
  .route('/', api)
  // A parent app does not use its children's notFound: without this, unknown /api paths answer
  // with Hono's plain-text 404 instead of the API's JSON error shape.
  .notFound((c) => c.json(apiError('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

// `handle` only calls app.fetch(request); Next passes a standard Request. Every method goes to
// Hono, so an unsupported one (PUT, DELETE, …) gets the API's JSON 404, not Next's empty 405.
export const GET = handle(app);
export const POST = handle(app);
export const PUT = handle(app);
export const PATCH = handle(app);
export const DELETE = handle(app);
// #endregion
