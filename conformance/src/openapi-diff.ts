/** What two OpenAPI documents say about the shared operations, reduced to what a client relies on. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One place where the documents disagree: a dotted path and each side's value (undefined = absent). */
export type Difference = { path: string; hono: Json | undefined; fastapi: Json | undefined };

// Annotations explain a value; they do not constrain it (JSON Schema 2020-12, "annotations").
// Wording and examples differ between any two codebases, so they are not part of the comparison.
const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'summary', 'deprecated']);

// Objects whose keys are names chosen by the API, never schema keywords.
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'headers', 'content']);

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A schema with every `$ref` resolved in place and annotations dropped, so that structure is
 * compared, not naming: Pydantic makes a component of every nested model where Zod inlines it,
 * and `const: x` (Pydantic's single Literal) is the same constraint as `enum: [x]` (Zod's).
 */
export function normalizeSchema(schema: Json | undefined, document: JsonObject, seen: string[] = []): Json | undefined {
  if (Array.isArray(schema)) return schema.map((item) => normalizeSchema(item, document, seen) as Json);
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (seen.includes(ref)) return { $ref: ref };
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), document);
    return normalizeSchema(target, document, [...seen, ref]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'const') out.enum = [value];
    else if (NAME_MAPS.has(key) && isObject(value)) {
      // Keys of these maps are names (a property called `description`), not keywords.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, normalizeSchema(item, document, seen) as Json]));
    } else out[key] = normalizeSchema(value, document, seen) as Json;
  }
  return out;
}

/** The shared operations of a document: operationId, security, parameters, bodies, responses. */
export function operations(document: JsonObject, paths: string[]): JsonObject {
  const out: JsonObject = {};
  const allPaths = isObject(document.paths) ? document.paths : {};
  for (const path of paths) {
    const item = allPaths[path];
    if (!isObject(item)) {
      out[path] = null;
      continue;
    }
    const methods: JsonObject = {};
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue;
      const parameters: JsonObject = {};
      for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
        const resolved = normalizeSchema(parameter, document) as JsonObject;
        parameters[`${resolved.in}:${resolved.name}`] = { required: resolved.required ?? false, schema: resolved.schema ?? null };
      }
      const responses: JsonObject = {};
      for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        const resolved = normalizeSchema(response, document) as JsonObject;
        responses[status] = { content: resolved.content ?? null, headers: resolved.headers ?? {} };
      }
      const body = normalizeSchema(operation.requestBody, document) as JsonObject | undefined;
      methods[method] = {
        operationId: operation.operationId ?? null,
        security: operation.security ?? null,
        parameters,
        requestBody: body ? { required: body.required ?? false, content: body.content ?? null } : null,
        responses,
      };
    }
    out[path] = methods;
  }
  return out;
}

/** Every leaf where `a` and `b` differ, as dotted paths (`paths./v1/users.post.operationId`). */
export function diff(a: Json | undefined, b: Json | undefined, path = ''): Difference[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diff(a[key], b[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item) => !isObject(item) && !Array.isArray(item))) {
    // Lists of scalars (enum, required) are sets: order carries no meaning there.
    const left = [...a].map(String).sort();
    const right = [...b].map(String).sort();
    return left.join('\u0000') === right.join('\u0000') ? [] : [{ path, hono: a, fastapi: b }];
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, index) => diff(item, b[index], `${path}[${index}]`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, hono: a, fastapi: b }];
}
