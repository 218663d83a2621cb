import { ZodType } from 'zod';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../test/fixtures/contract.ts';
import * as contract from '../contract.ts';
import { CreateInvoiceSchema } from './index.ts';

// Every Zod schema the contract exports (`src/contract.ts`, which re-exports `./index.ts`), by its
// export name without `Schema`: the key of its fixtures in `test/fixtures/contract.ts`.
const schemas = Object.entries(contract).flatMap(([exportName, value]) =>
  value instanceof ZodType ? [[exportName.replace(/Schema$/, ''), value] as const] : [],
);
const fixturesByName: Partial<Record<string, { readonly valid: readonly unknown[]; readonly invalid: readonly unknown[] }>> = fixtures;

describe('contract schemas', () => {
  it('has valid and invalid fixtures for every schema the contract exports', () => {
    const missing = schemas.flatMap(([name]) => [
      ...(fixturesByName[name]?.valid.length ? [] : [`${name}Schema has no valid fixtures`]),
      ...(fixturesByName[name]?.invalid.length ? [] : [`${name}Schema has no invalid fixtures`]),
    ]);
    expect(missing).toEqual([]);
    // And no fixtures for a schema the contract does not export (renamed, removed, or not detected).
    const exported = new Set(schemas.map(([name]) => name));
    expect(Object.keys(fixtures).filter((name) => !exported.has(name))).toEqual([]);
  });

  for (const [name, schema] of schemas) {
    const { valid = [], invalid = [] } = fixturesByName[name] ?? {};

    it(`${name} round-trips its fixtures through parse and JSON unchanged`, () => {
      for (const fixture of valid) {
        const parsed = schema.parse(fixture);
        expect(parsed).toEqual(fixture);
        expect(schema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(fixture);
      }
    });

    it(`${name} refuses its invalid fixtures`, () => {
      for (const fixture of invalid) expect(schema.safeParse(fixture).success, JSON.stringify(fixture)).toBe(false);
    });
  }

  it('fills the documented default invoice status', () => {
    expect(CreateInvoiceSchema.parse({ amountCents: 1, currency: 'EUR', description: 'x' }).status).toBe('draft');
  });
});
