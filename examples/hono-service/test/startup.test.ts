import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Run `node src/index.ts` with extra env; resolves with its exit code and output. */
function run(env: Record<string, string>, onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['src/index.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('node src/index.ts', () => {
  it('exits non-zero naming the invalid variable, without a stack trace', async () => {
    const { code, stderr, stdout } = await run({ PORT: 'not-a-port', JWKS_URL: 'ftp://nope' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('JWKS_URL');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  }, 60_000);

  it('starts, then exits 0 on SIGTERM after closing the database', async () => {
    const port = String(await freePort());
    let signalled = false;
    const { code, stdout } = await run({ PORT: port, HOST: '127.0.0.1' }, async (out, child) => {
      if (signalled || !out.includes('"listening"')) return;
      signalled = true;
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stdout).toContain('shutdown complete');
    // A cold process boots PGlite (WASM initdb): about 5 s idle, 25 s seen on a loaded 2-core machine.
  }, 90_000);
});
