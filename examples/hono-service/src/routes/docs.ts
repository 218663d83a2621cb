import { readFile } from 'node:fs/promises';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { AppEnv } from '../lib/app-env.ts';

/** The interactive reference bundle, resolved inside node_modules: nothing is fetched from a CDN. */
const BUNDLE_URL = new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference'));

/**
 * `/reference`: the interactive API reference (Scalar), reading `/openapi.json`.
 * The handbook must work air-gapped, so the script is served from node_modules and the
 * default web fonts (fetched from Scalar's servers) are turned off.
 */
export function createDocsRoutes() {
  let bundle: Promise<Buffer> | undefined;
  return new OpenAPIHono<AppEnv>()
    .get(
      '/reference',
      Scalar({ url: '/openapi.json', cdn: '/reference/scalar.js', pageTitle: 'hono-service API reference', withDefaultFonts: false }),
    )
    .get('/reference/scalar.js', async (c) => {
      bundle ??= readFile(BUNDLE_URL);
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(new Uint8Array(await bundle));
    });
}
