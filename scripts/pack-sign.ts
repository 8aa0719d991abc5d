import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  argValue,
  generateKeyFile,
  loadSigningKey,
  ROOT,
  SIGNED_PACK_FILE,
  signPack,
  validatedPack,
} from './lib/pack-signing';

/**
 * `npm run pack:sign -- [--key FILE] [--out FILE]`: validates data/ and writes it as a signed pack.
 * `npm run pack:sign -- --keygen FILE`: makes a new signing key (outside the repository) and prints the
 * public key to build the extension with (WXT_PACK_PUBLIC_KEY).
 */
const args = process.argv.slice(2);

try {
  const keygen = argValue(args, '--keygen');
  if (keygen) {
    const publicKey = await generateKeyFile(keygen);
    console.log(`Private key written to ${keygen} (keep it secret, never commit it).`);
    console.log(`WXT_PACK_PUBLIC_KEY=${publicKey}`);
  } else {
    const { key, publicKey } = await loadSigningKey(argValue(args, '--key'));
    const pack = validatedPack();
    const out = resolve(argValue(args, '--out') ?? resolve(ROOT, '.output/pack', SIGNED_PACK_FILE));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(await signPack(pack, key)));
    console.log(`Signed ${pack.id} v${pack.version} (as of ${pack.asOf}) → ${out}`);
    console.log(`Verifies with WXT_PACK_PUBLIC_KEY=${publicKey}`);
  }
} catch (error) {
  console.error(`[pack:sign] ${(error as Error).message}`);
  process.exit(1);
}
