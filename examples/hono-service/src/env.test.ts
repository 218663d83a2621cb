import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('runs with zero configuration, pointing at the dev IdP', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 8787,
      JWKS_URL: 'http://localhost:8788/.well-known/jwks.json',
      JWT_ISSUER: 'http://localhost:8788',
      JWT_AUDIENCE: 'hono-service',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(parseEnv({ IDP_PORT: '9000' }).JWKS_URL).toBe('http://localhost:9000/.well-known/jwks.json');
  });

  it('names every invalid variable', () => {
    const error = (() => {
      try {
        parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.message).toMatch(/PORT/);
    expect(error?.message).toMatch(/DATABASE_URL/);
    expect(error?.message).toMatch(/LOG_LEVEL/);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(8787);
  });

  it('reads CORS_ORIGINS as a list of origins, empty by default, and refuses a URL with a path', () => {
    expect(parseEnv({}).CORS_ORIGINS).toEqual([]);
    expect(parseEnv({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).CORS_ORIGINS).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(() => parseEnv({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(/CORS_ORIGINS/);
  });
});
