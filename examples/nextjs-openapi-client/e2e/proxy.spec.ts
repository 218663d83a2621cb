import { expect, test } from '@playwright/test';

// The BFF proxy's own rules, checked over HTTP against the running app and service.

test('the proxy forwards API calls with a server-side token and never returns it', async ({ request }) => {
  const response = await request.get('/api/service/v1/invoices?limit=1');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ items: expect.any(Array) });
  expect(response.headers()['authorization']).toBeUndefined();
});

test('the proxy refuses a write sent from another origin', async ({ request }) => {
  const response = await request.post('/api/service/v1/invoices', {
    headers: { origin: 'https://evil.example' },
    data: { amountCents: 100, currency: 'EUR', description: 'CSRF' },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('cross_origin');
});

test('the proxy forwards only /v1 and /health', async ({ request }) => {
  const response = await request.get('/api/service/reference');
  expect(response.status()).toBe(404);
  expect((await response.json()).error.code).toBe('not_proxied');
});

test("the proxy passes the service's errors through with their status and body", async ({ request }) => {
  const missing = await request.get('/api/service/v1/invoices/0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11');
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe('not_found');
  // The service's validation error, details and all: the proxy adds nothing and drops nothing.
  const invalid = await request.post('/api/service/v1/invoices', { data: { amountCents: 0, currency: 'EUR', description: 'Zero' } });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.details).toEqual([{ path: 'body.amountCents', message: 'Too small: expected number to be >=1' }]);
  expect(Object.keys(body)).toEqual(['error']);
});
