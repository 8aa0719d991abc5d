/**
 * Signed claim-pack updates, the checks that need no schema: the envelope's shape, the Ed25519 signature
 * (WebCrypto, the same code in the extension, in Node and in tests), and the rules that stop a rollback or
 * a pack dated in the future. Schema validation is the background's job (zod), after these pass.
 */

/** What the update URL serves: the pack's exact JSON text and a signature over its UTF-8 bytes. */
export interface SignedPack {
  format: 1;
  /** Base64 Ed25519 signature of `pack` (the text, byte for byte; no re-serialisation to agree on). */
  signature: string;
  pack: string;
}

export const SIGNED_PACK_FORMAT = 1;

/** Why an update was not adopted. Reader-facing words come from describeRefusal. */
export type RefusalReason =
  | 'unreachable'
  | 'timeout'
  | 'malformed'
  | 'bad-signature'
  | 'invalid-pack'
  | 'other-pack'
  | 'not-newer'
  | 'future-date';

export class PackRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

const REFUSAL_TEXT: Record<RefusalReason, string> = {
  unreachable: 'The update server could not be reached.',
  timeout: 'The update server took too long to answer.',
  malformed: 'The download was incomplete or damaged.',
  'bad-signature': 'The download was not signed by the Claim Lens maintainers.',
  'invalid-pack': 'The downloaded claim data did not pass its checks.',
  'other-pack': 'The download was a different claim database.',
  'not-newer': 'No newer claim data was available.',
  'future-date': 'The download was dated in the future.',
};

export function describeRefusal(reason: RefusalReason): string {
  return REFUSAL_TEXT[reason];
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Parses what the server sent; anything but a complete envelope is `malformed`. */
export function parseSignedPack(text: string): SignedPack {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PackRefusal('malformed', 'not JSON (a partial download?)');
  }
  const envelope = raw as Partial<SignedPack> | null;
  if (
    typeof envelope !== 'object' ||
    envelope === null ||
    envelope.format !== SIGNED_PACK_FORMAT ||
    typeof envelope.signature !== 'string' ||
    typeof envelope.pack !== 'string'
  ) {
    throw new PackRefusal('malformed', 'not a signed claim pack');
  }
  return { format: SIGNED_PACK_FORMAT, signature: envelope.signature, pack: envelope.pack };
}

/** Imports a raw 32-byte Ed25519 public key given as base64. */
export function importPublicKey(base64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(base64), { name: 'Ed25519' }, false, ['verify']);
}

/** True only if `signature` is the key's Ed25519 signature of the pack text. */
export async function verifySignedPack(signed: SignedPack, publicKey: CryptoKey): Promise<boolean> {
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64ToBytes(signed.signature);
  } catch {
    return false;
  }
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    publicKey,
    signature,
    new TextEncoder().encode(signed.pack),
  );
}

/** Signs pack text (maintainer tooling and tests; the extension only verifies). */
export async function signPackText(pack: string, privateKey: CryptoKey): Promise<SignedPack> {
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, new TextEncoder().encode(pack));
  return { format: SIGNED_PACK_FORMAT, signature: bytesToBase64(signature), pack };
}

/** Compares x.y.z versions numerically: 1.10.0 is newer than 1.9.3. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/**
 * The latest calendar date anywhere on Earth (UTC+14): a pack dated "today" by a maintainer east of the
 * reader is not in the future.
 */
function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

export interface PackIdentity {
  id: string;
  version: string;
  asOf: string;
}

/** Throws the refusal that applies when `next` may not replace `current`; returns when it may. */
export function checkReplaces(next: PackIdentity, current: PackIdentity, now: Date): void {
  if (next.id !== current.id) throw new PackRefusal('other-pack', `${next.id}, not ${current.id}`);
  if (compareVersions(next.version, current.version) <= 0) {
    throw new PackRefusal('not-newer', `v${next.version} is not newer than v${current.version}`);
  }
  // Partial dates (2026, 2026-05) compare correctly as prefixes of the full date.
  if (next.asOf > latestDateOnEarth(now)) throw new PackRefusal('future-date', `as of ${next.asOf}`);
}
