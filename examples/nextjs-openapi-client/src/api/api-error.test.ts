import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeApiError, shouldRetry } from './api-error.ts';

const body = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

describe('describeApiError', () => {
  test('lists every failing field of a validation error', () => {
    const details = [{ path: 'body.currency', message: 'Use a 3-letter ISO 4217 code such as EUR' }];
    assert.deepEqual(describeApiError(body('validation_failed', 'The request is invalid', { details })), {
      code: 'validation_failed',
      message: 'Some fields need attention.',
      fields: details,
    });
  });

  test('says when to try again after a 429, from Retry-After', () => {
    const error = Object.assign(body('rate_limited', 'Rate limit exceeded'), { status: 429, retryAfterSeconds: 7 });
    assert.equal(describeApiError(error).message, 'Too many requests (429). Try again in 7 seconds.');
    assert.equal(describeApiError(body('rate_limited', 'x')).message, 'Too many requests (429). Try again shortly.');
  });

  test('names 401 and 403 in words and keeps the service message', () => {
    assert.match(describeApiError(body('unauthorized', 'Token expired')).message, /not signed in.*\(401\): Token expired$/);
    assert.match(describeApiError(body('forbidden', 'Needs invoices:write')).message, /not allowed.*\(403\): Needs invoices:write$/);
  });

  test("keeps the proxy's service URL when the service is unreachable", () => {
    const described = describeApiError(body('service_unreachable', 'down', { serviceUrl: 'http://localhost:8787' }));
    assert.equal(described.code, 'service_unreachable');
    assert.equal(described.serviceUrl, 'http://localhost:8787');
  });

  test('treats anything that is not an error body as a network failure', () => {
    assert.equal(describeApiError(new TypeError('Failed to fetch')).code, 'network');
    assert.equal(describeApiError('Bad Gateway').code, 'network');
  });
});

describe('shouldRetry', () => {
  test('retries no answer and 5xx, at most twice', () => {
    assert.equal(shouldRetry(0, new TypeError('Failed to fetch')), true);
    assert.equal(shouldRetry(1, body('internal_error', 'x')), true);
    assert.equal(shouldRetry(2, body('internal_error', 'x')), false);
  });

  test('never retries an answer the service meant (4xx) or an unreachable service', () => {
    for (const code of ['validation_failed', 'unauthorized', 'forbidden', 'not_found', 'rate_limited', 'service_unreachable']) {
      assert.equal(shouldRetry(0, body(code, 'x')), false, code);
    }
  });
});
