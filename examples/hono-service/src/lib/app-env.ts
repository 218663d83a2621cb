import type { Principal } from './auth/verify-token.ts';

/** Hono's typed context for this service: what middleware puts on `c.var` for handlers. */
export type AppEnv = {
  Variables: {
    /** W3C trace id of the request (from `traceparent`, or generated). */
    traceId: string;
    /** The verified caller; set by `requireAuth` on every `/v1` route. */
    principal: Principal;
    /** Headers every response of this request carries, gathered by `responseHeaders()`. */
    responseHeaders: Record<string, string>;
    /** The response `json()` built with those headers already on it. */
    responseHeadersSent: Response;
  };
};
