import { OpenAPIHono } from '@hono/zod-openapi';
import { html } from 'hono/html';
import type { AppEnv } from '../lib/app-env.ts';
import { omitResponseHeader } from '../middleware/response-headers.ts';

/** One documented operation, as the index lists it. */
export type Operation = { method: string; path: string; summary: string };

/**
 * The page's Content-Security-Policy: no script, no style, no form, nothing to load. It has no
 * `frame-ancestors` and the response drops `X-Frame-Options`, because StackBlitz shows `/` in a
 * frame (its preview pane, the handbook's "Run here"). Framing is harmless here: the page has no
 * action to trick a reader into, only links. Every other response still refuses to be framed.
 */
export const HOME_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * `GET /`: a short index of the service (what StackBlitz's preview opens first): links to the
 * reference, the document and `/health`, every operation from the OpenAPI document, and how to
 * get a development token. Links open a new tab: the reference page refuses to be framed.
 */
export function createHomeRoutes(options: { operations: () => Operation[] }) {
  let operations: Operation[] | undefined;
  return new OpenAPIHono<AppEnv>().get('/', (c) => {
    operations ??= options.operations();
    omitResponseHeader(c, 'x-frame-options');
    c.header('Content-Security-Policy', HOME_CSP);
    return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>hono-service</title>
  </head>
  <body>
    <main>
      <h1>hono-service is running</h1>
      <p>The Backend API playbook of the EGCA Engineering Handbook, as a running service.</p>
      <ul>
        <li><a href="/reference" target="_blank" rel="noopener">API reference</a> (Swagger UI, opens a new tab)</li>
        <li><a href="/openapi.json" target="_blank" rel="noopener">OpenAPI document</a></li>
        <li><a href="/health" target="_blank" rel="noopener">Health</a></li>
      </ul>
      <h2>Operations</h2>
      <table>
        <thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">What it does</th></tr></thead>
        <tbody>
          ${operations.map((operation) => html`<tr><td><code>${operation.method}</code></td><td><code>${operation.path}</code></td><td>${operation.summary}</td></tr>`)}
        </tbody>
      </table>
      <h2>Call it</h2>
      <p>Every <code>/v1</code> route needs a bearer token. The development identity provider beside the service signs one:</p>
      <pre><code>npm run -s token -- --sub alice --scope "users:read users:write invoices:read invoices:write reports:read reports:write keys:read keys:write"</code></pre>
      <p>Send it as <code>Authorization: Bearer &lt;token&gt;</code>, or paste it under "Authorize" in the API reference. An integration calls with an API key instead (<code>X-API-Key</code>, made with <code>POST /v1/api-keys</code>).</p>
    </main>
  </body>
</html>`);
  });
}

/** The operations of an OpenAPI document's `paths`, in document order. */
export function listOperations(document: { paths?: object }): Operation[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<(typeof methods)[number], { summary?: string }>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method: method.toUpperCase(), path, summary: operation.summary ?? '' }] : [];
    }),
  );
}
