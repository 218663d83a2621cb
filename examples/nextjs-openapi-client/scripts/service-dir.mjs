// @ts-check
// Plain JavaScript: `with-service.mjs` imports it in StackBlitz, whose Node 22 may not strip types (unconfirmed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The folder of examples/hono-service, the service this app calls: inside this app
 * (`hono-service/`) in the StackBlitz project and the download, which carry it, or beside it
 * (`../hono-service`) in the handbook repository. Throws a sentence saying so when it is in
 * neither place.
 *
 * @returns {string} an absolute path
 */
export function findServiceDir() {
  const candidates = [join(root, 'hono-service'), join(root, '..', 'hono-service')];
  const found = candidates.find((dir) => existsSync(join(dir, 'package.json')));
  if (!found) {
    throw new Error(`examples/hono-service is neither in ${candidates[0]} nor in ${candidates[1]}: this app needs the service it calls.`);
  }
  return found;
}
