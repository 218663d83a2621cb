/**
 * Errors the BFF proxy answers itself (the service never sent them). Same envelope as the
 * service's errors, `{ error: { code, message } }`, so the UI reads one shape.
 */
export const BFF_ERROR_CODES = {
  /** The service (or its dev IdP) did not answer: it is not running, or is at another URL. */
  service_unreachable: 502,
  /** The path is not one the proxy forwards. */
  not_proxied: 404,
  /** A state-changing request sent from another origin (the proxy acts with the user's token). */
  cross_origin: 403,
} as const;

export type BffErrorCode = keyof typeof BFF_ERROR_CODES;

export type BffErrorBody = {
  error: { code: BffErrorCode; message: string; serviceUrl?: string };
};

/** Build a BFF error body; `serviceUrl` lets the UI say where it looked. */
export const bffError = (code: BffErrorCode, message: string, serviceUrl?: string): BffErrorBody => ({
  error: { code, message, ...(serviceUrl ? { serviceUrl } : {}) },
});
