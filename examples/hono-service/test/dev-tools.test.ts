import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `node scripts/token.js ...args` against the IdP on `idpPort`. */
const token = (idpPort: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/token.js', ...args], { cwd: root, env: { ...process.env, IDP_PORT: idpPort }, encoding: 'utf8' });

describe('dev IdP process and the token script', () => {
  let keyDir: string;
  let idp: ReturnType<typeof spawn>;
  let port: string;

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'idp-keys-'));
    port = String(await freePort());
    // NODE_ENV is set: the IdP refuses to start under NODE_ENV=production, which a shell may carry.
    idp = spawn(process.execPath, ['src/idp/index.ts'], { cwd: root, env: { ...process.env, NODE_ENV: 'development', IDP_PORT: port, IDP_KEY_DIR: keyDir, JWT_ISSUER: '' } });
    let stderr = '';
    idp.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      idp.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
      idp.once('exit', (code) => reject(new Error(`IdP exited with ${code} on port ${port}: ${stderr.trim()}`)));
    });
  });
  afterAll(async () => {
    idp?.kill('SIGTERM');
    await rm(keyDir, { recursive: true, force: true });
  });

  it('prints one token and nothing else, for the requested sub and scopes', () => {
    const result = token(port, '--sub', 'alice', '--scope', 'users:read invoices:read');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const claims = decodeJwt(lines[0]!);
    expect(claims).toMatchObject({ sub: 'alice', scope: 'users:read invoices:read', iss: `http://localhost:${port}`, aud: 'hono-service' });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(decodeProtectedHeader(lines[0]!).alg).toBe('ES256');
  });

  it('serves the JWKS with the public key only', async () => {
    const jwks = (await (await fetch(`http://localhost:${port}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('fails with a clear message on stderr, and an empty stdout, when the IdP is not running', () => {
    const result = token('1', '--sub', 'alice');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not reachable.*npm run dev/);
  });

  it('asks for --sub when it is missing', () => {
    const result = token(port);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--sub is required');
  });
});
