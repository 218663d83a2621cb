/**
 * The service's contract for TypeScript clients, and the one module of it they import: the Zod
 * schemas (the playbook: "clients import types from the schema, not from the service's internal
 * code") and `AppType`, the type of every route, for Hono's typed RPC client (`hc<AppType>()`),
 * which the guide recommends. Importing it loads the schemas and nothing else: `AppType` is a
 * type, erased at compile time, so no database, auth or job code comes with it
 * (`test/contract-module.test.ts` keeps it so).
 *
 * What it costs: `AppType` is computed by TypeScript from the service's route code, so a client
 * still compiles against that code (from this repository, or from a package of the service's
 * types). Clients that are not TypeScript use the generated OpenAPI document instead.
 *
 * @example
 * import { hc } from 'hono/client';
 * import { CreateInvoiceSchema, type AppType } from 'hono-service/contract';
 * const client = hc<AppType>('http://localhost:8787');
 */
export type { AppType } from './app.ts';
export * from './schemas/index.ts';
