import { testClient } from 'hono/testing';
import { describe, expect, it } from 'vitest';
import { createApi } from './api';
import { apiErrorSchema, userSchema } from './contract';
import { createMemoryUserStore } from './user-store';

// The same app as production, on a fresh store, called in process: no server, no network.
const setup = () => testClient(createApi(createMemoryUserStore([{ name: 'Ada Lovelace', email: 'ada@example.com' }])));

describe('users API', () => {
  it('lists users, each in the contract\'s user schema', async () => {
    const res = await setup().users.$get();
    expect(res.status).toBe(200);
    expect(userSchema.array().safeParse(await res.clone().json()).success).toBe(true);
    expect(await res.json()).toMatchObject([{ id: '1', name: 'Ada Lovelace', email: 'ada@example.com' }]);
  });

  it('returns a user by id and 404 with the error shape for an unknown id', async () => {
    const api = setup();
    const found = await api.users[':id'].$get({ param: { id: '1' } });
    expect(found.status).toBe(200);
    expect(userSchema.parse(await found.json())).toMatchObject({ id: '1', name: 'Ada Lovelace', email: 'ada@example.com' });
    const missing = await api.users[':id'].$get({ param: { id: '999' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No user with id 999' } });
  });

  it('creates a user with 201, trimming and lower-casing the email', async () => {
    const api = setup();
    const res = await api.users.$post({ json: { name: ' Grace ', email: ' Grace@Example.com ' } });
    expect(res.status).toBe(201);
    expect(userSchema.parse(await res.json())).toMatchObject({ id: '2', name: 'Grace', email: 'grace@example.com' });
    expect(await (await api.users.$get()).json()).toHaveLength(2);
  });

  it('answers invalid input with 400 and a message per field', async () => {
    const res = await setup().users.$post({ json: { name: '', email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Check the highlighted fields',
        details: { name: ['Enter a name'], email: ['Enter an email address, like ada@example.com'] },
      },
    });
  });

  it('answers a body that is not JSON with 400 bad_request in the error shape, not a 500', async () => {
    const res = await createApi(createMemoryUserStore()).request('/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.code).toBe('bad_request');
  });

  it('answers every error in the contract\'s shape: the error schema parses each one', async () => {
    const api = setup();
    const answers = [
      await api.users[':id'].$get({ param: { id: '999' } }),
      await api.users.$post({ json: { name: '', email: 'x' } }),
      await api.users.$post({ json: { name: 'Ada again', email: 'ada@example.com' } }),
    ];
    for (const answer of answers) expect(apiErrorSchema.safeParse(await answer.json()).success).toBe(true);
  });

  it('answers a taken email with 409, whatever its case', async () => {
    const res = await setup().users.$post({ json: { name: 'Ada again', email: 'ADA@example.com' } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'email_taken', details: { email: ['This email is already taken'] } } });
  });
});
