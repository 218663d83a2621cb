import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readServiceConfig } from './service-config.ts';

test('defaults to the service and IdP that `npm run dev` starts in examples/hono-service', () => {
  assert.deepEqual(readServiceConfig({}), {
    serviceUrl: 'http://localhost:8787',
    idpUrl: 'http://localhost:8788',
    userId: 'dev-user',
    scopes: 'users:read users:write invoices:read invoices:write',
  });
});

test('takes SERVICE_PORT and IDP_PORT, and full URLs before them; empty counts as unset', () => {
  const config = readServiceConfig({ SERVICE_PORT: '9000', IDP_PORT: '', IDP_URL: 'https://idp.example/' });
  assert.equal(config.serviceUrl, 'http://localhost:9000');
  assert.equal(config.idpUrl, 'https://idp.example');
  assert.equal(readServiceConfig({ SERVICE_URL: 'http://api:8787', SERVICE_PORT: '1' }).serviceUrl, 'http://api:8787');
});

test('names the variable when a URL is invalid', () => {
  assert.throws(() => readServiceConfig({ SERVICE_URL: 'localhost:8787' }), /SERVICE_URL must be an http\(s\) URL/);
});
