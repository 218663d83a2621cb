import { describe, expect, it } from 'vitest';
import { requireAuth, requireScope } from './auth.ts';
import { rateLimit } from './rate-limit.ts';
import { createMemoryStore } from './rate-limit-store.ts';
import { requestLogger, traceIdFrom } from './request-logger.ts';

describe('middleware factories', () => {
  it('throw on bad options when called, not on the first request', () => {
    expect(() => requireAuth({} as never)).toThrow(/verify/);
    expect(() => requireScope('admin')).toThrow(/resource:action/);
    expect(() => rateLimit({ store: createMemoryStore(), policy: { name: 'x', capacity: 0, windowSeconds: 60 } })).toThrow(/capacity/);
    expect(() => rateLimit({ store: {} as never, policy: { name: 'x', capacity: 1, windowSeconds: 60 } })).toThrow(/store/);
    expect(() => requestLogger({ logger: {} as never })).toThrow(/pino/);
  });
});

describe('traceIdFrom', () => {
  it('takes the trace id from a valid traceparent and makes one up otherwise', () => {
    expect(traceIdFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    for (const header of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      expect(traceIdFrom(header)).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
