import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderOpenApi, SNAPSHOT } from '../scripts/openapi.ts';
import { ERROR_CODES } from '../src/schemas/error-codes.ts';

describe('OpenAPI contract', () => {
  it('matches the committed openapi.json (run `npm run openapi` after a deliberate change)', async () => {
    const served = await renderOpenApi();
    const committed = await readFile(SNAPSHOT, 'utf8');
    expect(served).toBe(committed);
  });

  it('documents every error code, the bearer scheme and an error response on every route', async () => {
    const doc = JSON.parse(await renderOpenApi());
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.ErrorCode.enum).toEqual(Object.keys(ERROR_CODES));
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.bearerAuth.description).toContain('RFC8725');
    expect(doc.components.securitySchemes.apiKeyAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown; responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses.some((status) => Number(status) >= 400), `${method} ${path} documents its errors`).toBe(true);
        if (path.startsWith('/v1/api-keys')) {
          // Keys are managed with a user's own token only: a key never manages keys.
          expect(operation.security, `${method} ${path} requires bearerAuth alone`).toEqual([{ bearerAuth: [] }]);
        } else if (path.startsWith('/v1/')) {
          expect(operation.security, `${method} ${path} takes a bearer token or an API key`).toEqual([{ bearerAuth: [] }, { apiKeyAuth: [] }]);
        }
        if (path.startsWith('/v1/')) expect(statuses).toEqual(expect.arrayContaining(['401', '403', '429']));
        expect(statuses, `${method} ${path} documents 429 and 500`).toEqual(expect.arrayContaining(['429', '500']));
        // Every answer says which headers it carries (test/api-suite.ts checks the service sends them).
        for (const [status, response] of Object.entries(operation.responses as Record<string, { headers?: Record<string, unknown> }>)) {
          const headers = Object.keys(response.headers ?? {});
          expect(headers, `${method} ${path} ${status}`).toContain('X-Trace-Id');
          if (Number(status) < 500) expect(headers, `${method} ${path} ${status}`).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy']));
          if (status === '429') expect(headers).toContain('Retry-After');
        }
      }
    }
  });
});
