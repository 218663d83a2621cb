import type { Error as ServiceErrorBody } from './generated/requests/types.gen';
import type { BffErrorBody } from './bff-error';
import type { ErrorMeta } from './client-config';

/** One failing field, as the service reports it (`path` is like `body.amountCents`). */
export type FieldError = { path: string; message: string };

/** What the UI shows for a failed request. */
export type DescribedError = {
  /** The service's or the proxy's error code, or `network` when no answer came at all. */
  code: string;
  /** A sentence for people. */
  message: string;
  /** Per-field messages of a `validation_failed` error. */
  fields: FieldError[];
  /** Set when the service could not be reached, to say where it was expected. */
  serviceUrl?: string;
};

type AnyErrorBody = (ServiceErrorBody | BffErrorBody) & ErrorMeta;

const isErrorBody = (value: unknown): value is AnyErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as { error: unknown }).error === 'object' &&
  typeof (value as { error: { code?: unknown } }).error?.code === 'string';

/**
 * Turn whatever a generated hook threw into something to show: the service's error body, the
 * proxy's `service_unreachable`, or a network failure between the browser and this app.
 *
 * @example const { message, fields } = describeApiError(mutation.error)
 */
export function describeApiError(error: unknown): DescribedError {
  if (!isErrorBody(error)) {
    return { code: 'network', message: 'This app could not be reached. Check your connection and reload the page.', fields: [] };
  }
  const { code, message } = error.error;
  const fields = 'details' in error.error && Array.isArray(error.error.details) ? error.error.details : [];
  switch (code) {
    case 'service_unreachable':
      return { code, message, fields, ...('serviceUrl' in error.error && error.error.serviceUrl ? { serviceUrl: error.error.serviceUrl } : {}) };
    case 'validation_failed':
      return { code, message: 'Some fields need attention.', fields };
    case 'unauthorized':
      return { code, message: `You are not signed in, or your session expired (401): ${message}`, fields };
    case 'forbidden':
      return { code, message: `You are not allowed to do this (403): ${message}`, fields };
    case 'rate_limited': {
      const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} seconds.` : ' Try again shortly.';
      return { code, message: `Too many requests (429).${wait}`, fields };
    }
    default:
      return { code, message, fields };
  }
}

/** Retry only failures that may heal on their own: no answer at all, or a 5xx from the service. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isErrorBody(error)) return true;
  return error.error.code === 'internal_error' || error.error.code === 'service_unavailable';
}
