import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  checkReplaces,
  compareVersions,
  describeRefusal,
  importPublicKey,
  PackRefusal,
  parseSignedPack,
  type RefusalReason,
  signPackText,
  verifySignedPack,
} from '../../src/core/pack/signature';

// A throwaway key pair made for this run; no key is ever committed.
let privateKey: CryptoKey;
let publicKey: CryptoKey;
let otherPublicKey: CryptoKey;
beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  publicKey = await importPublicKey(bytesToBase64(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  otherPublicKey = other.publicKey;
});

const PACK_TEXT = JSON.stringify({ id: 'deepseek-v4', version: '1.2.0', asOf: '2026-11-02', claims: [] });

function refusalOf(run: () => unknown): RefusalReason | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PackRefusal) return error.reason;
    throw error;
  }
  return undefined;
}

describe('Ed25519 signature over the exact pack text', () => {
  it('verifies a pack signed with the matching key, after a round trip through JSON', async () => {
    const wire = JSON.stringify(await signPackText(PACK_TEXT, privateKey));
    expect(await verifySignedPack(parseSignedPack(wire), publicKey)).toBe(true);
  });

  it('fails when one character of the pack changes', async () => {
    const signed = await signPackText(PACK_TEXT, privateKey);
    const tampered = { ...signed, pack: signed.pack.replace('1.2.0', '9.2.0') };
    expect(await verifySignedPack(tampered, publicKey)).toBe(false);
  });

  it('fails against another key, and on a signature that is not base64', async () => {
    const signed = await signPackText(PACK_TEXT, privateKey);
    expect(await verifySignedPack(signed, otherPublicKey)).toBe(false);
    expect(await verifySignedPack({ ...signed, signature: '%%%not base64' }, publicKey)).toBe(false);
    expect(
      await verifySignedPack({ ...signed, signature: bytesToBase64(new Uint8Array(64)) }, publicKey),
    ).toBe(false);
  });

  it('calls a partial or foreign download malformed', async () => {
    const wire = JSON.stringify(await signPackText(PACK_TEXT, privateKey));
    expect(refusalOf(() => parseSignedPack(wire.slice(0, wire.length / 2)))).toBe('malformed');
    expect(refusalOf(() => parseSignedPack('<html>502 Bad Gateway</html>'))).toBe('malformed');
    expect(refusalOf(() => parseSignedPack(JSON.stringify({ format: 2, signature: 'x', pack: '{}' })))).toBe(
      'malformed',
    );
    expect(refusalOf(() => parseSignedPack(JSON.stringify({ pack: {}, signature: 'x', format: 1 })))).toBe(
      'malformed',
    );
  });
});

describe('version and date rules', () => {
  const current = { id: 'deepseek-v4', version: '1.9.3', asOf: '2026-11-01' };
  const now = new Date('2026-11-05T12:00:00Z');

  it('compares versions numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBe(1);
    expect(compareVersions('1.9.3', '1.9.3')).toBe(0);
    expect(compareVersions('0.9.9', '1.0.0')).toBe(-1);
  });

  it('accepts a strictly newer pack dated today or earlier', () => {
    expect(
      refusalOf(() => checkReplaces({ ...current, version: '1.10.0', asOf: '2026-11-05' }, current, now)),
    ).toBe(undefined);
    expect(
      refusalOf(() => checkReplaces({ ...current, version: '2.0.0', asOf: '2026-11' }, current, now)),
    ).toBe(undefined);
  });

  it('refuses the same version, an older one (no rollback) and another pack id', () => {
    expect(refusalOf(() => checkReplaces(current, current, now))).toBe('not-newer');
    expect(refusalOf(() => checkReplaces({ ...current, version: '1.9.2' }, current, now))).toBe('not-newer');
    expect(refusalOf(() => checkReplaces({ ...current, id: 'other', version: '5.0.0' }, current, now))).toBe(
      'other-pack',
    );
  });

  it('refuses a pack dated after the latest date anywhere on Earth', () => {
    const next = { ...current, version: '2.0.0' };
    // 12:00 UTC is already the next day in UTC+14, so "tomorrow" is not yet the future; the day after is.
    expect(refusalOf(() => checkReplaces({ ...next, asOf: '2026-11-06' }, current, now))).toBe(undefined);
    expect(refusalOf(() => checkReplaces({ ...next, asOf: '2026-11-07' }, current, now))).toBe('future-date');
    expect(refusalOf(() => checkReplaces({ ...next, asOf: '2026-12' }, current, now))).toBe('future-date');
  });

  it('words every refusal for a reader, without codes', () => {
    for (const reason of [
      'unreachable',
      'timeout',
      'malformed',
      'bad-signature',
      'invalid-pack',
      'other-pack',
      'not-newer',
      'future-date',
    ] as const) {
      const text = describeRefusal(reason);
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toContain(reason);
    }
  });
});
