import { readFile } from 'node:fs/promises';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../lib/app-env.ts';
import type { SecureHeadersOptions } from '../middleware/response-headers.ts';

/**
 * Swagger UI's prebuilt files, resolved inside node_modules: the handbook must work air-gapped,
 * so nothing is fetched from a CDN. (swagger-ui-dist has no dependencies: about 12 MB, which
 * keeps installs in StackBlitz WebContainers quick.)
 */
const ASSETS = {
  'swagger-ui.css': { file: 'swagger-ui-dist/swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-dist/swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
} as const;

type AssetName = keyof typeof ASSETS;

// The page's own script is a file too (not inline), so a strict Content-Security-Policy can allow 'self' only.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  persistAuthorization: false,
  // The default validator is a remote service: off, nothing leaves the machine.
  validatorUrl: null,
});
`;

const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>hono-service API reference</title>
    <link rel="stylesheet" href="/reference/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/reference/swagger-ui-bundle.js"></script>
    <script src="/reference/init.js"></script>
  </body>
</html>`;

/**
 * `/reference`: the interactive API reference (Swagger UI) for `/openapi.json`, served locally.
 * The page carries Hono's `secureHeaders(options.secureHeaders)` set, the one a browser page needs.
 */
export function createDocsRoutes(options: { secureHeaders?: SecureHeadersOptions } = {}) {
  const cache = new Map<AssetName, Promise<Buffer>>();
  const load = (name: AssetName) => {
    let pending = cache.get(name);
    if (!pending) {
      pending = readFile(new URL(import.meta.resolve(ASSETS[name].file)));
      cache.set(name, pending);
    }
    return pending;
  };
  const asset = (name: AssetName) => async (c: Context<AppEnv>) => {
    c.header('Content-Type', ASSETS[name].type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(await load(name)));
  };
  // Static paths only (no `:asset{a|b}` pattern): that keeps Hono on its RegExpRouter, which
  // matches every request of the app in one regular expression instead of walking a trie.
  return new OpenAPIHono<AppEnv>()
    .get('/reference', secureHeaders(options.secureHeaders), (c) => c.html(page))
    .get('/reference/init.js', (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      return c.body(INIT_SCRIPT);
    })
    .get('/reference/swagger-ui.css', asset('swagger-ui.css'))
    .get('/reference/swagger-ui-bundle.js', asset('swagger-ui-bundle.js'));
}
