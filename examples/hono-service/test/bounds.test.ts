import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/lib/db/client.ts';
import type { ReportJobs } from '../src/lib/jobs/report-job.ts';
import { ErrorSchema } from '../src/schemas/error.ts';
import { createTestApp, createTestIdp, jsonRequest, openTestDatabase } from './helpers.ts';

// Every documented bound of a request field, proven by a request at the bound (accepted) and one
// past it (400 naming the field). The numbers are written here, not read from the schemas: a bound
// relaxed in a schema (and snapshotted again in openapi.json) fails this file.

/** Every scope a key may carry, written out: 7 of them. */
const KEY_SCOPES = ['users:read', 'users:write', 'users:admin', 'invoices:read', 'invoices:write', 'reports:read', 'reports:write'];
const OWNER_SCOPES = [...KEY_SCOPES, 'keys:read', 'keys:write'].join(' ');

/** A queue that accepts every report: the 202 of a valid request, without Redis. */
const jobs: ReportJobs = {
  enqueue: async () => ({ id: randomUUID(), status: 'queued' }),
  get: async () => undefined,
  close: async () => {},
};

type Send = () => Promise<Response>;
type Bound = { route: string; field: string; status: number; accepts: [string, Send][]; refuses: [string, Send][] };

describe('request field bounds (at the bound accepted, past it 400 naming the field)', () => {
  let database: DatabaseHandle;
  let ctx: ReturnType<typeof createTestApp>;
  let idp: Awaited<ReturnType<typeof createTestIdp>>;
  let owner: string;
  let users = 0;

  beforeAll(async () => {
    [database, idp] = await Promise.all([openTestDatabase(), createTestIdp()]);
    ctx = createTestApp(database, idp, { jobs });
    owner = await idp.token('bounds-owner', OWNER_SCOPES);
    expect((await ctx.app.request('/v1/users', jsonRequest('POST', owner, { email: 'bounds-owner@example.com', name: 'Owner' }))).status).toBe(201);
  });
  afterAll(async () => {
    await database?.close();
  });

  const request = async (path: string, init?: RequestInit) => ctx.app.request(path, init);
  /** A new user each time (a user registers once), with an email of exactly `length` characters. */
  const postUser = async (body: { email?: string; name?: string }) => {
    const sub = `bounds-user-${++users}`;
    return request('/v1/users', jsonRequest('POST', await idp.token(sub, 'users:write'), { email: `${sub}@example.com`, name: 'User', ...body }));
  };
  const email = (length: number) => {
    const domain = `-${++users}@example.com`;
    return `${'a'.repeat(length - domain.length)}${domain}`;
  };
  const postInvoice = (body: Record<string, unknown>) => request('/v1/invoices', jsonRequest('POST', owner, { amountCents: 1, currency: 'EUR', description: 'x', ...body }));
  const postKey = (body: Record<string, unknown>) => request('/v1/api-keys', jsonRequest('POST', owner, { name: 'k', scopes: ['invoices:read'], expiresInDays: 1, ...body }));
  const postReport = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    request('/v1/reports', jsonRequest('POST', owner, { kind: 'invoice-summary', ...body }, headers));
  const period = (from: string, to: string) => () => postReport({ from, to });
  /** A user whose id (the token's sub) is `length` characters, registered, reading themselves. */
  const readSelf = (length: number) => async () => {
    const token = await idp.token('u'.repeat(length), 'users:read users:write');
    await request('/v1/users', jsonRequest('POST', token, { email: email(40), name: 'Long id' }));
    return request(`/v1/users/${'u'.repeat(length)}`, jsonRequest('GET', token));
  };

  const bounds: Bound[] = [
    { route: 'POST /v1/users', field: 'body.email', status: 201, accepts: [['320 characters', () => postUser({ email: email(320) })]], refuses: [['321', () => postUser({ email: email(321) })]] },
    {
      route: 'POST /v1/users',
      field: 'body.name',
      status: 201,
      accepts: [['1 character', () => postUser({ name: 'n' })], ['200', () => postUser({ name: 'n'.repeat(200) })]],
      refuses: [['0 (blank once trimmed)', () => postUser({ name: '   ' })], ['201', () => postUser({ name: 'n'.repeat(201) })]],
    },
    { route: 'GET /v1/users/{id}', field: 'path.id', status: 200, accepts: [['128 characters', readSelf(128)]], refuses: [['129', () => request(`/v1/users/${'u'.repeat(129)}`, jsonRequest('GET', owner))]] },
    {
      route: 'POST /v1/invoices',
      field: 'body.amountCents',
      status: 201,
      accepts: [['1', () => postInvoice({ amountCents: 1 })], ['1000000000', () => postInvoice({ amountCents: 1_000_000_000 })]],
      refuses: [['0', () => postInvoice({ amountCents: 0 })], ['1000000001', () => postInvoice({ amountCents: 1_000_000_001 })]],
    },
    {
      route: 'POST /v1/invoices',
      field: 'body.currency',
      status: 201,
      accepts: [['3 letters', () => postInvoice({ currency: 'EUR' })]],
      refuses: [['2', () => postInvoice({ currency: 'EU' })], ['4', () => postInvoice({ currency: 'EURO' })]],
    },
    {
      route: 'POST /v1/invoices',
      field: 'body.description',
      status: 201,
      accepts: [['1 character', () => postInvoice({ description: 'd' })], ['500', () => postInvoice({ description: 'd'.repeat(500) })]],
      refuses: [['0', () => postInvoice({ description: '' })], ['501', () => postInvoice({ description: 'd'.repeat(501) })]],
    },
    {
      route: 'GET /v1/invoices',
      field: 'query.limit',
      status: 200,
      accepts: [['1', () => request('/v1/invoices?limit=1', jsonRequest('GET', owner))], ['100', () => request('/v1/invoices?limit=100', jsonRequest('GET', owner))]],
      refuses: [['0', () => request('/v1/invoices?limit=0', jsonRequest('GET', owner))], ['101', () => request('/v1/invoices?limit=101', jsonRequest('GET', owner))]],
    },
    {
      route: 'POST /v1/api-keys',
      field: 'body.name',
      status: 201,
      accepts: [['1 character', () => postKey({ name: 'k' })], ['100', () => postKey({ name: 'k'.repeat(100) })]],
      refuses: [['0', () => postKey({ name: '' })], ['101', () => postKey({ name: 'k'.repeat(101) })]],
    },
    {
      route: 'POST /v1/api-keys',
      field: 'body.scopes',
      status: 201,
      accepts: [['1 scope', () => postKey({ scopes: ['invoices:read'] })], ['7 (every one)', () => postKey({ scopes: KEY_SCOPES })]],
      refuses: [['0', () => postKey({ scopes: [] })], ['8 (one twice)', () => postKey({ scopes: [...KEY_SCOPES, 'invoices:read'] })]],
    },
    {
      route: 'POST /v1/api-keys',
      field: 'body.expiresInDays',
      status: 201,
      accepts: [['1', () => postKey({ expiresInDays: 1 })], ['90', () => postKey({ expiresInDays: 90 })]],
      refuses: [['0', () => postKey({ expiresInDays: 0 })], ['91', () => postKey({ expiresInDays: 91 })]],
    },
    {
      route: 'POST /v1/reports',
      field: 'body.to',
      status: 202,
      // 2025 has 365 days: 2025-01-01 to 2026-01-02 is 366 days.
      accepts: [['1 second after from', period('2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z')], ['366 days', period('2025-01-01T00:00:00Z', '2026-01-02T00:00:00Z')]],
      refuses: [['equal to from', period('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')], ['366 days and 1 second', period('2025-01-01T00:00:00Z', '2026-01-02T00:00:01Z')]],
    },
    {
      route: 'POST /v1/reports',
      field: 'body.from',
      status: 202,
      accepts: [['40 characters', period(`2026-01-01T00:00:00.${'1'.repeat(19)}Z`, '2026-01-02T00:00:00Z')]],
      refuses: [['41', period(`2026-01-01T00:00:00.${'1'.repeat(20)}Z`, '2026-01-02T00:00:00Z')]],
    },
    {
      route: 'POST /v1/reports',
      field: 'header.idempotency-key',
      status: 202,
      accepts: [['255 characters', () => postReport({}, { 'idempotency-key': 'i'.repeat(255) })]],
      refuses: [['256', () => postReport({}, { 'idempotency-key': 'i'.repeat(256) })]],
    },
  ];

  for (const { route, field, status, accepts, refuses } of bounds) {
    const labels = (cases: [string, Send][]) => cases.map(([label]) => label).join(' and ');
    it(`${route} ${field}: accepts ${labels(accepts)}, refuses ${labels(refuses)}`, async () => {
      for (const [label, send] of accepts) {
        const response = await send();
        expect(response.status, `${label}: ${await response.clone().text()}`).toBe(status);
      }
      for (const [label, send] of refuses) {
        const response = await send();
        expect(response.status, label).toBe(400);
        const { error } = ErrorSchema.parse(await response.json());
        expect(error.code, label).toBe('validation_failed');
        // That field, and only that field, is named.
        expect([...new Set(error.details?.map((detail) => detail.path))], label).toEqual([field]);
      }
    });
  }
});
