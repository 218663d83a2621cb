import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The IdP's signing key: private half to sign, public JWK (with `kid`) to publish. */
export type SigningKey = { privateKey: CryptoKey; publicJwk: JWK; kid: string };

export const SIGNING_ALG = 'ES256';

/** Generate a fresh ES256 key pair in memory (tests, or the first run of the IdP). */
export async function generateSigningKey(): Promise<SigningKey & { privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateKey,
    kid,
    publicJwk: { ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG, use: 'sig' },
  };
}

/**
 * Load the signing key from `dir/signing-key.json`, creating it on first run. The folder is
 * git-ignored: a private key never enters the repository, and every clone gets its own.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const file = join(dir, 'signing-key.json');
  try {
    const privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK & { kid: string };
    const { d: _private, ...publicJwk } = privateJwk;
    return { privateKey: (await importJWK(privateJwk, SIGNING_ALG)) as CryptoKey, publicJwk, kid: privateJwk.kid };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = await generateSigningKey();
  await mkdir(dir, { recursive: true });
  await writeFile(file, `${JSON.stringify(key.privateJwk, null, 2)}\n`, { mode: 0o600 });
  return key;
}
