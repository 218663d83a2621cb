// @ts-check
/**
 * `npm run dev:with-service`: the service this app calls (examples/hono-service, with its dev
 * identity provider) and this app, in one terminal. It is what StackBlitz runs, so it is plain
 * JavaScript (whether WebContainers' Node 22 strips types is unconfirmed), and it installs the
 * service on first use: StackBlitz
 * installs the project's root only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import concurrently from 'concurrently';
import { findServiceDir } from './service-dir.mjs';

const service = findServiceDir();
if (!existsSync(join(service, 'node_modules'))) {
  console.log(`Installing the service's dependencies in ${service} (first run only)…`);
  // `shell` on Windows only: there npm is npm.cmd, which spawn cannot start directly.
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: service, stdio: 'inherit', shell: process.platform === 'win32' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

// The service runs from JavaScript compiled by its own `build` (its `dev:compiled`): that path
// works on every Node from 20.19 to 24, WebContainers' 22.22.3 included.
const { result } = concurrently(
  [
    { command: 'npm run dev:compiled', cwd: service, name: 'service', prefixColor: 'green' },
    { command: 'npm run dev', name: 'app', prefixColor: 'magenta' },
  ],
  { killOthersOn: ['failure'] },
);
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
