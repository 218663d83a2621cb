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

export type Allowance = { kind: 'framework' | 'hono-only' | 'pending'; why: string; matches: (difference: Difference) => boolean };

const endsWith = (suffix: RegExp) => (difference: Difference) => suffix.test(difference.path);
const onlyFastapi = (difference: Difference) => difference.hono === undefined && difference.fastapi !== undefined;
const onlyHono = (difference: Difference) => difference.fastapi === undefined && difference.hono !== undefined;
const subsetOfHono = (difference: Difference) =>
  Array.isArray(difference.hono) && Array.isArray(difference.fastapi) && difference.fastapi.every((value) => (difference.hono as unknown[]).includes(value));

/**
 * What may differ, and why. `framework`: the two frameworks express the same contract
 * differently. `hono-only`: hono-service features beyond the shared contract. `pending`:
 * bounds the OWASP lint asks for that fastapi-service's document already states and
 * hono-service's does not yet (its document is being brought to 0 lint errors); once both
 * state a bound, its value must be equal like everything else.
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
  {
    kind: 'hono-only',
    why: 'hono-service rate limits /health (its own bucket) and documents the 429 and 500 that follow',
    matches: (difference) => /^\/health\.get\.responses\.(429|500)$|^\/health\.get\.responses\.\d+\.headers\.(RateLimit|RateLimit-Policy|Retry-After)$/.test(difference.path) && onlyHono(difference),
  },
  {
    kind: 'hono-only',
    why: 'hono-service answers CORS when CORS_ORIGINS lists the Origin (never by default); fastapi-service sends no CORS headers',
    matches: (difference) => endsWith(/\.headers\.Access-Control-Allow-Origin$/)(difference) && onlyHono(difference),
  },
  {
    kind: 'pending',
    why: 'a response header both services send (the conformance suite checks it) that fastapi-service documents and hono-service does not yet',
    matches: (difference) => endsWith(/\.headers\.(X-Trace-Id|RateLimit|RateLimit-Policy|Retry-After|WWW-Authenticate)$/)(difference) && onlyFastapi(difference),
  },
  {
    kind: 'pending',
    why: 'an OWASP bound (maxLength, maxItems, maximum, an integer format) fastapi-service states and hono-service does not yet',
    matches: (difference) => endsWith(/\.(maxLength|maxItems|maximum|format)$/)(difference) && onlyFastapi(difference),
  },
];

/** The differences between the two documents, split into unexplained and allowed. */
export function compareDocuments(hono: object, fastapi: object, allowed: Allowance[] = ALLOWED) {
  const differences = diff(operations(hono as never, SHARED_PATHS), operations(fastapi as never, SHARED_PATHS));
  const explained = differences.map((difference) => ({ difference, allowance: allowed.find((rule) => rule.matches(difference)) }));
  return {
    unexplained: explained.filter((entry) => !entry.allowance).map((entry) => entry.difference),
    allowed: explained.filter((entry) => entry.allowance) as { difference: Difference; allowance: Allowance }[],
  };
}

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 160));

/** A readable report: one line per difference, grouped by reason. */
export function report(result: ReturnType<typeof compareDocuments>): string {
  const lines: string[] = [];
  const byReason = new Map<string, Difference[]>();
  for (const { difference, allowance } of result.allowed) byReason.set(`${allowance.kind}: ${allowance.why}`, [...(byReason.get(`${allowance.kind}: ${allowance.why}`) ?? []), difference]);
  for (const [reason, differences] of byReason) lines.push(`allowed (${differences.length}) — ${reason}`);
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
  if (result.unexplained.length > 0) process.exit(1);
  console.log(`\nThe documents agree on ${SHARED_PATHS.join(', ')} beyond the allow-list.`);
}
