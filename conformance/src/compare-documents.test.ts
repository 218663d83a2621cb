import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareDocuments, report } from './compare-documents.ts';

const fastapi = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/fastapi-service/openapi.json', import.meta.url)), 'utf8'));
const copy = () => structuredClone(fastapi);

describe('compareDocuments', () => {
  it('finds nothing between a document and itself, and reports the allowances it did not need', () => {
    const result = compareDocuments(fastapi, copy());
    assert.deepEqual(result.unexplained, []);
    assert.equal(result.unused.length, 2);
    assert.match(report(result), /unused allow-list entry \(remove it\)/);
  });

  it('fails on a changed operationId, naming the path and both values', () => {
    const other = copy();
    other.paths['/v1/users/{id}'].get.operationId = 'readUser';
    const result = compareDocuments(other, fastapi);
    assert.deepEqual(result.unexplained, [{ path: '/v1/users/{id}.get.operationId', hono: 'readUser', fastapi: 'getUser' }]);
    assert.match(report(result), /paths\.\/v1\/users\/\{id\}\.get\.operationId\n\s+hono-service:\s+"readUser"\n\s+fastapi-service: "getUser"/);
  });

  it('fails on a schema field one side lacks, wherever the schema is used', () => {
    const other = copy();
    delete other.components.schemas.Invoice.properties.currency;
    const paths = compareDocuments(other, fastapi).unexplained.map((difference) => difference.path);
    assert.ok(paths.includes('/v1/invoices/{id}.get.responses.200.content.application/json.schema.properties.currency'), paths.join('\n'));
    assert.ok(paths.includes('/v1/invoices.get.responses.200.content.application/json.schema.properties.items.items.properties.currency'));
  });

  it('fails on a missing path or method', () => {
    const other = copy();
    delete other.paths['/v1/invoices'].post;
    assert.deepEqual(compareDocuments(other, fastapi).unexplained.map((difference) => difference.path), ['/v1/invoices.post']);
  });

  it('allows hono-service extra error codes, but not one only fastapi-service has', () => {
    const wider = copy();
    wider.components.schemas.ErrorCode.enum.push('jobs_unavailable');
    assert.deepEqual(compareDocuments(wider, fastapi).unexplained, []);
    assert.ok(compareDocuments(fastapi, wider).unexplained.length > 0);
  });

  it('compares structure, not naming: an inlined component equals its $ref', () => {
    const inlined = copy();
    const response = inlined.paths['/health'].get.responses['200'].content['application/json'];
    response.schema = structuredClone(inlined.components.schemas.Health);
    response.schema.properties.checks = structuredClone(inlined.components.schemas.HealthChecks);
    // Pydantic's `const` is Zod's one-value `enum`; an enum is a set, in any order.
    response.schema.properties.checks.properties.database = { type: 'string', enum: ['ok'] };
    response.schema.properties.status = { type: 'string', enum: ['degraded', 'ok'] };
    assert.deepEqual(compareDocuments(inlined, fastapi).unexplained, []);
  });

  it('fails when both state a bound with different values', () => {
    const other = copy();
    other.components.schemas.CreateInvoice.properties.description.maxLength = 499;
    assert.deepEqual(compareDocuments(other, fastapi).unexplained.map((difference) => difference.path), [
      '/v1/invoices.post.requestBody.content.application/json.schema.properties.description.maxLength',
    ]);
  });
});
