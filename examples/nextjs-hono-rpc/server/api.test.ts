import { testClient } from 'hono/testing';
import { describe, expect, it } from 'vitest';
import { createApi } from './api';
import { createMemoryUserStore } from './user-store';

// The same app as production, on a fresh store, called in process: no server, no network.
const setup = () => testClient(createApi(createMemoryUserStore([{ name: 'Ada Lovelace', email: 'ada@example.com' }])));

describe('users API', () => {
  it('lists users', async () => {
    const res = await setup().users.$get();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject([{ id: '1', name: 'Ada Lovelace', email: 'ada@example.com' }]);
  });

  it('returns a user by id and 404 with the error shape for an unknown id', async () => {
    const api = setup();
    const found = await api.users[':id'].$get({ param: { id: '1' } });
    expect(found.status).toBe(200);
    const missing = await api.users[':id'].$get({ param: { id: '999' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No user with id 999' } });
  });

  it('creates a user with 201, trimming and lower-casing the email', async () => {
    const api = setup();
    const res = await api.users.$post({ json: { name: ' Grace ', email: ' Grace@Example.com ' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: '2', name: 'Grace', email: 'grace@example.com' });
    expect(await (await api.users.$get()).json()).toHaveLength(2);
  });

  it('answers invalid input with 400 and a message per field', async () => {
    const res = await setup().users.$post({ json: { name: '', email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Check the highlighted fields',
        fields: { name: ['Enter a name'], email: ['Enter an email address, like ada@example.com'] },
      },
    });
  });

  it('answers a taken email with 409, whatever its case', async () => {
    const res = await setup().users.$post({ json: { name: 'Ada again', email: 'ADA@example.com' } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'email_taken', fields: { email: ['This email is already taken'] } } });
  });
});
