import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** How to start each service: its own start command, from its own folder. */
export type ServiceSpec = {
  cwd: string;
  /** The command and its arguments; `port` is the port the suite chose. */
  command: (port: number) => [string, ...string[]];
  /** Environment beyond the shared contract variables (JWKS_URL, JWT_*, RATE_LIMIT_*, PORT). */
  env: (scratch: string) => Record<string, string>;
  /**
   * Checks this service is known to fail, by check id, with why: reported as `todo` (listed in
   * every run, not hidden) until the service is fixed. Keep this empty whenever possible.
   */
  knownGaps?: Record<string, string>;
};

export const SERVICES: Record<string, ServiceSpec> = {
  // `npm start` in examples/hono-service (its package.json), without npm in between.
  'hono-service': {
    cwd: join(examples, 'hono-service'),
    command: () => [process.execPath, 'src/index.ts'],
    env: () => ({ HOST: '127.0.0.1' }),
  },
  // The README's start command, on a scratch SQLite file so every run starts empty.
  'fastapi-service': {
    cwd: join(examples, 'fastapi-service'),
    command: (port) => ['uv', 'run', '--locked', 'fastapi', 'run', 'src/app/main.py', '--host', '127.0.0.1', '--port', String(port)],
    env: (scratch) => ({ SQLITE_PATH: join(scratch, 'fastapi-service.sqlite3') }),
  },
};

/** A read limit small enough to reach 429 in a few requests, large enough for every other check
 * (each uses its own users); writes are not the ones the 429 check drains. */
export const READ_PER_MINUTE = 10;
export const WRITE_PER_MINUTE = 60;
/** The one browser origin allowed to read answers (CORS). */
export const CORS_ORIGIN = 'https://app.conformance.test';
/** Failed authentications per address: above the auth checks' own count, reached on purpose last. */
export const AUTH_FAILURES_PER_MINUTE = 40;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export type RunningService = {
  name: string;
  baseUrl: string;
  /** Everything the process wrote to stdout so far (its JSON log lines among it). */
  stdout: () => string;
  /** SIGTERM, then the exit code (null if it had to be killed after `timeoutMs`). */
  stop: (timeoutMs?: number) => Promise<number | null>;
};

/**
 * Start a service by its command with the contract's configuration, and wait until `/health`
 * answers 200. DATABASE_URL and REDIS_URL are cleared: each service runs on its zero-setup
 * default (PGlite in memory, SQLite in a scratch file) and in-memory buckets.
 */
export async function startService(name: string, idp: { jwksUrl: string }, contract: { issuer: string; audience: string }): Promise<RunningService> {
  const spec = SERVICES[name];
  if (!spec) throw new Error(`Unknown service "${name}". Known: ${Object.keys(SERVICES).join(', ')}`);
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), `conformance-${name}-`));
  const [command, ...args] = spec.command(port);
  const child: ChildProcess = spawn(command, args, {
    cwd: spec.cwd,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      PORT: String(port),
      JWKS_URL: idp.jwksUrl,
      JWT_ISSUER: contract.issuer,
      JWT_AUDIENCE: contract.audience,
      RATE_LIMIT_READ_PER_MINUTE: String(READ_PER_MINUTE),
      RATE_LIMIT_WRITE_PER_MINUTE: String(WRITE_PER_MINUTE),
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES_PER_MINUTE),
      CORS_ORIGINS: CORS_ORIGIN,
      ...spec.env(scratch),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  // Bounded: a cold start (uv resolving, PGlite's initdb) takes seconds; 90 s is a broken service.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before answering /health:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /health within 90 s:\n${stderr}`);
    }
    const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
    if (health?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    name,
    baseUrl,
    stdout: () => stdout,
    stop: async (timeoutMs = 20_000) => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      return code;
    },
  };
}
