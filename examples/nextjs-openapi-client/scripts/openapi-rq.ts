import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where the committed, generated client lives (relative to the package root). */
export const GENERATED_DIR = 'src/api/generated';

// #region openapi-rq-command
/**
 * The one code generation command, shared by `api:generate` and `api:check` so both produce
 * byte-identical output: `openapi-rq -i <document> -o <dir>` with the default fetch client.
 * `output` must be relative: openapi-rq resolves it against the working directory.
 */
export function openapiRqArgs(input: string, output: string): string[] {
  return ['-i', input, '-o', output];
}
// #endregion openapi-rq-command

/** Run the package's own openapi-rq (no npx, no network) and exit like it on failure. */
export function runOpenapiRq(input: string, output: string): void {
  // The package exports no bin path, so address the CLI file this package installed.
  const cli = fileURLToPath(new URL('../node_modules/@7nohe/openapi-react-query-codegen/dist/cli.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [cli, ...openapiRqArgs(input, output)], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error(`openapi-rq failed (exit ${result.status ?? result.signal}) for ${input}`);
    process.exit(1);
  }
}
