/**
 * Build-time settings for signed pack updates, read from the environment (or a .env file) when the
 * extension is built. With no WXT_PACK_UPDATE_URL the build never fetches and asks for no `alarms`
 * permission; with one, a valid WXT_PACK_PUBLIC_KEY is required, so no build can fetch packs it cannot verify.
 */
export function packUpdatePermissions(env: Record<string, string | undefined> = process.env): string[] {
  const url = env.WXT_PACK_UPDATE_URL;
  if (!url) return [];
  if (!/^https?:\/\//.test(url)) {
    throw new Error(`WXT_PACK_UPDATE_URL must be an http(s) URL, got "${url}".`);
  }
  const key = env.WXT_PACK_PUBLIC_KEY ?? '';
  if (Buffer.from(key, 'base64').length !== 32) {
    throw new Error(
      'WXT_PACK_UPDATE_URL is set, so WXT_PACK_PUBLIC_KEY must be the base64 raw Ed25519 public key ' +
        '(32 bytes) that signs the packs; `npm run pack:sign -- --keygen <file>` prints one.',
    );
  }
  return ['alarms'];
}
