/** The contract: every schema clients may import. Types are inferred from these, never hand-written. */
export * from './api-keys.ts';
export * from './error.ts';
export * from './health.ts';
export * from './invoices.ts';
export * from './reports.ts';
export * from './users.ts';
