import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readPackFiles } from '../../src/build/load-node';
import type { ClaimPack } from '../../src/core/pack/schema';
import { bytesToBase64, type SignedPack, signPackText } from '../../src/core/pack/signature';
import { formatProblems, validatePack } from '../../src/core/pack/validate';

/**
 * Maintainer tooling for signed packs. The private key is a JWK file kept outside the repository (or the
 * same JSON in an environment variable, for CI secrets); it is never written inside the working tree.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const SIGNED_PACK_FILE = 'claim-pack.signed.json';
const KEY_ENV = 'CLAIM_LENS_PACK_KEY';
const KEY_FILE_ENV = 'CLAIM_LENS_PACK_KEY_FILE';

function insideRepo(path: string): boolean {
  return !relative(ROOT, resolve(path)).startsWith('..');
}

/** Base64 raw public key, the form WXT_PACK_PUBLIC_KEY takes. */
export function publicKeyBase64(jwk: JsonWebKey): string {
  return bytesToBase64(Buffer.from(jwk.x ?? '', 'base64url'));
}

export async function generateKeyFile(path: string): Promise<string> {
  if (insideRepo(path)) throw new Error(`Refusing to write a private key inside the repository (${path}).`);
  if (existsSync(path)) throw new Error(`${path} already exists; refusing to overwrite a signing key.`);
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  writeFileSync(path, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  return publicKeyBase64(jwk);
}

/** The signing key from --key FILE, CLAIM_LENS_PACK_KEY_FILE, or CLAIM_LENS_PACK_KEY (the JWK itself). */
export async function loadSigningKey(keyFile?: string): Promise<{ key: CryptoKey; publicKey: string }> {
  const file = keyFile ?? process.env[KEY_FILE_ENV];
  const text = file ? readFileSync(file, 'utf8') : process.env[KEY_ENV];
  if (!text) {
    throw new Error(
      `No signing key: pass --key FILE, or set ${KEY_FILE_ENV} (a path) or ${KEY_ENV} (the JWK). ` +
        'Make one with `npm run pack:sign -- --keygen ~/claim-lens-pack.jwk`.',
    );
  }
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(text) as JsonWebKey;
  } catch {
    throw new Error('The signing key is not JSON (expected an Ed25519 private JWK).');
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) {
    throw new Error('The signing key must be an Ed25519 private JWK (kty OKP, crv Ed25519, with "d").');
  }
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);
  return { key, publicKey: publicKeyBase64(jwk) };
}

/** data/ assembled and validated, as the build does; throws with every problem listed. */
export function validatedPack(dataDir = resolve(ROOT, 'data')): ClaimPack {
  const result = validatePack(readPackFiles(dataDir));
  if (!result.ok) throw new Error(`The claim pack is invalid:\n${formatProblems(result.problems)}`);
  return result.pack;
}

export async function signPack(pack: ClaimPack, key: CryptoKey): Promise<SignedPack> {
  return signPackText(JSON.stringify(pack), key);
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
