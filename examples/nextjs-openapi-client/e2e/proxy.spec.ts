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
