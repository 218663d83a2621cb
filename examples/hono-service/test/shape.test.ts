/**
 * The playbook's service shape, checked on the code itself: a Hono app (not Express), its folders
 * laid out as the playbook lays them out, and a database that holds the service's own tables and
 * nothing else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/lib/db/client.ts';
import * as schema from '../src/lib/db/schema.ts';
import { createTestApp, createTestIdp, openTestDatabase } from './helpers.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const exists = (path: string) => existsSync(new URL(`../${path}`, import.meta.url));
const ts = (dir: string) => readdirSync(new URL(`../${dir}`, import.meta.url)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('service shape', () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof createTestApp>['app'];

  beforeAll(async () => {
    database = await openTestDatabase();
    app = createTestApp(database, await createTestIdp()).app;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is a Hono app, built by createApp, with no Express among its dependencies', () => {
    expect(app).toBeInstanceOf(Hono);
    const manifest = JSON.parse(read('package.json')) as Record<string, Record<string, string> | undefined>;
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(dependencies).toContain('hono');
    expect(dependencies.filter((name) => /^express$|^@types\/express$/.test(name))).toEqual([]);
  });

  it('serves each /v1 resource from its own file in src/routes/, mounted at the resource', () => {
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const resources = [...new Set(Object.keys(document.paths ?? {}).flatMap((path) => /^\/v1\/([^/]+)/.exec(path)?.[1] ?? []))].sort();
    expect(resources).toEqual(['api-keys', 'invoices', 'reports', 'users']);
    const appSource = read('src/app.ts');
    for (const resource of resources) {
      const file = `src/routes/${resource}.ts`;
      expect(exists(file), file).toBe(true);
      // The file's own paths are relative to its mount point, so it cannot serve another resource.
      const paths = [...read(file).matchAll(/\bpath: '([^']*)'/g)].map((match) => match[1]);
      expect(paths.length, file).toBeGreaterThan(0);
      for (const path of paths) expect(path, file).toMatch(/^\/(\{id\})?$/);
      expect(appSource).toMatch(new RegExp(`\\.route\\('/v1/${resource}', create\\w+Routes\\(`));
    }
  });

  it('keeps Drizzle in lib/db, JWT verification in lib/auth, typed errors in lib/errors, auth, logging and rate limits in middleware/, Zod in schemas/', () => {
    expect(read('src/lib/db/schema.ts')).toMatch(/from 'drizzle-orm\/pg-core'/);
    expect(read('src/lib/auth/verify-token.ts')).toMatch(/from 'jose'/);
    expect(read('src/lib/errors/app-error.ts')).toMatch(/export class AppError extends Error/);
    expect(ts('src/middleware')).toEqual(expect.arrayContaining(['auth.ts', 'request-logger.ts', 'rate-limit.ts']));
    // schemas/ is the contract: the Zod schemas, and the error-code table they are built from.
    for (const file of ts('src/schemas').filter((name) => !['index.ts', 'error-codes.ts'].includes(name))) expect(read(`src/schemas/${file}`), file).toMatch(/from '@hono\/zod-openapi'/);
  });

  it('starts the server in src/index.ts and defines no route there: the app comes from createApp', () => {
    const index = read('src/index.ts');
    expect(index).toMatch(/createApp\(/);
    expect(index).toMatch(/\bserve\(/);
    expect(index).not.toMatch(/\.(get|post|put|patch|delete|route|openapi)\(/);
  });

  it('migrates a fresh database to exactly the tables its own Drizzle schema declares', async () => {
    const declared = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableName(table as PgTable))
      .sort();
    const result = await database.db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows;
    expect(rows.map((row) => row.table_name)).toEqual(declared);
    expect(declared).toEqual(['api_keys', 'invoices', 'processed_jobs', 'reports', 'users']);
  });
});
