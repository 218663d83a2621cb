/**
 * Compare the two committed OpenAPI documents on the shared contract (`/v1/users`,
 * `/v1/invoices`, `/health`): paths, methods, operationIds, parameters, bodies, responses,
 * headers and every schema field. Fails with a readable diff on any difference that is not in
 * the allow-list below, where each entry says why it is allowed.
 *
 *   node src/compare-documents.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diff, operations, type Difference } from './openapi-diff.ts';

export const SHARED_PATHS = ['/health', '/v1/users', '/v1/users/{id}', '/v1/invoices', '/v1/invoices/{id}'];

export type Allowance = { kind: 'hono-only'; why: string; matches: (difference: Difference) => boolean };

const endsWith = (suffix: RegExp) => (difference: Difference) => suffix.test(difference.path);
const subsetOfHono = (difference: Difference) =>
  Array.isArray(difference.hono) && Array.isArray(difference.fastapi) && difference.fastapi.every((value) => (difference.hono as unknown[]).includes(value));

/**
 * What may differ, and why: only hono-service features beyond the shared contract. What the two
 * frameworks express differently (Pydantic's components and titles, `const`, `examples`) is
 * normalized before comparing (see `normalizeSchema`), so it needs no entry. An entry that no
 * longer matches anything fails the comparison too: the list stays as short as the truth.
 */
export const ALLOWED: Allowance[] = [
  {
    kind: 'hono-only',
    why: "hono-service's code table also lists the codes of its own features (API keys, reports, idempotency); fastapi-service's codes must all be among them",
    matches: (difference) => endsWith(/\.error\.properties\.code\.enum$/)(difference) && subsetOfHono(difference),
  },
  {
    kind: 'hono-only',
    why: 'hono-service also accepts API keys (apiKeyAuth) besides bearer JWTs',
    matches: (difference) =>
      endsWith(/\.security$/)(difference) &&
      JSON.stringify(difference.fastapi) === '[{"bearerAuth":[]}]' &&
      JSON.stringify(difference.hono).includes('"bearerAuth":[]'),
  },
];

/** The differences between the two documents, split into unexplained and allowed. */
export function compareDocuments(hono: object, fastapi: object, allowed: Allowance[] = ALLOWED) {
  const differences = diff(operations(hono as never, SHARED_PATHS), operations(fastapi as never, SHARED_PATHS));
  const explained = differences.map((difference) => ({ difference, allowance: allowed.find((rule) => rule.matches(difference)) }));
  return {
    unexplained: explained.filter((entry) => !entry.allowance).map((entry) => entry.difference),
    allowed: explained.filter((entry) => entry.allowance) as { difference: Difference; allowance: Allowance }[],
    unused: allowed.filter((rule) => !explained.some((entry) => entry.allowance === rule)),
  };
}

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 160));

/** A readable report: one line per difference, grouped by reason. */
export function report(result: ReturnType<typeof compareDocuments>): string {
  const lines: string[] = [];
  const byReason = new Map<string, Difference[]>();
  for (const { difference, allowance } of result.allowed) byReason.set(`${allowance.kind}: ${allowance.why}`, [...(byReason.get(`${allowance.kind}: ${allowance.why}`) ?? []), difference]);
  for (const [reason, differences] of byReason) lines.push(`allowed (${differences.length}) — ${reason}`);
  for (const rule of result.unused) lines.push(`unused allow-list entry (remove it): ${rule.why}`);
  if (result.unexplained.length > 0) {
    lines.push('', `${result.unexplained.length} difference(s) beyond the allow-list (src/compare-documents.ts):`);
    for (const difference of result.unexplained) {
      lines.push(`  paths.${difference.path}`, `      hono-service:    ${show(difference.hono)}`, `      fastapi-service: ${show(difference.fastapi)}`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const load = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../examples/${name}/openapi.json`, import.meta.url)), 'utf8')) as object;
  const result = compareDocuments(load('hono-service'), load('fastapi-service'));
  console.log(report(result));
  if (result.unexplained.length > 0 || result.unused.length > 0) process.exit(1);
  console.log(`\nThe documents agree on ${SHARED_PATHS.join(', ')} beyond the allow-list.`);
}
