import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  compareVersions,
  importPublicKey,
  parseSignedPack,
  verifySignedPack,
} from '../src/core/pack/signature';
import { argValue, loadSigningKey, SIGNED_PACK_FILE, signPack, validatedPack } from './lib/pack-signing';

/**
 * `npm run pack:publish -- <dir> [--key FILE]`: writes what a static host serves at the update URL:
 *   claim-pack.signed.json  the signed pack (point WXT_PACK_UPDATE_URL at it)
 *   claim-pack.json         the same pack, readable
 *   _headers                CORS for hosts that read it (Netlify, Cloudflare Pages); others: set
 *                           Access-Control-Allow-Origin: * on the signed file yourself.
 * Refuses to replace a published pack with one that is not newer: the extension would refuse it anyway.
 */
const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--key');

try {
  if (!dir) throw new Error('Usage: npm run pack:publish -- <dir> [--key FILE]');
  const { key, publicKey } = await loadSigningKey(argValue(args, '--key'));
  const pack = validatedPack();
  const target = join(resolve(dir), SIGNED_PACK_FILE);
  if (existsSync(target)) {
    const published = JSON.parse(parseSignedPack(readFileSync(target, 'utf8')).pack) as { version: string };
    if (compareVersions(pack.version, published.version) <= 0) {
      throw new Error(
        `${target} already holds v${published.version}; bump "version" in data/pack.json (now v${pack.version}).`,
      );
    }
  }
  const signed = await signPack(pack, key);
  // The same check the extension makes, so a wrong key is found here and not by readers.
  if (!(await verifySignedPack(signed, await importPublicKey(publicKey)))) {
    throw new Error('The signature does not verify with its own public key.');
  }
  mkdirSync(resolve(dir), { recursive: true });
  writeFileSync(target, JSON.stringify(signed));
  writeFileSync(join(resolve(dir), 'claim-pack.json'), `${JSON.stringify(pack, null, 2)}\n`);
  writeFileSync(
    join(resolve(dir), '_headers'),
    `/${SIGNED_PACK_FILE}\n  Access-Control-Allow-Origin: *\n  Cache-Control: no-cache\n`,
  );
  console.log(`Published ${pack.id} v${pack.version} (as of ${pack.asOf}) to ${resolve(dir)}`);
  console.log(
    `Build with WXT_PACK_UPDATE_URL=<where ${SIGNED_PACK_FILE} is served> WXT_PACK_PUBLIC_KEY=${publicKey}`,
  );
} catch (error) {
  console.error(`[pack:publish] ${(error as Error).message}`);
  process.exit(1);
}
