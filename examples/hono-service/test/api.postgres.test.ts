import { describe, it } from 'vitest';
import { defineApiSuite } from './api-suite.ts';

const url = process.env.DATABASE_URL;
if (url) {
  defineApiSuite('PostgreSQL (a fresh database per run)', url);
} else {
  console.log('DATABASE_URL is not set: skipping the integration suite against a real PostgreSQL (PGlite still runs it).');
  describe.skip('API on PostgreSQL', () => {
    it('needs DATABASE_URL, e.g. postgres://handbook:handbook@127.0.0.1:5432/handbook', () => {});
  });
}
