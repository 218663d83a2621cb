import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import type { Database } from '../src/lib/db/client.ts';
import { createLogger } from '../src/lib/logger.ts';

/** Where the contract snapshot lives; clients are generated from it, so the path is fixed. */
export const SNAPSHOT = new URL('../openapi.json', import.meta.url);

/** The served document, pretty-printed with a trailing newline, exactly as committed. */
export async function renderOpenApi(): Promise<string> {
  // The document comes from the route definitions alone: no database or key is touched.
  const app = createApp({
    db: {} as Database,
    ping: async () => {},
    verifyToken: async () => {
      throw new Error('not used');
    },
    logger: createLogger({ level: 'silent' }),
  });
  const response = await app.request('/openapi.json');
  return `${JSON.stringify(await response.json(), null, 2)}\n`;
}

// Run as a script (not imported by the contract test): rewrite the snapshot.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SNAPSHOT, await renderOpenApi());
  console.error('openapi.json written');
}
