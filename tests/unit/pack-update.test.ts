// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkForPackUpdate, type PackUpdateConfig } from '../../src/background/pack-update';
import { readPackFiles } from '../../src/build/load-node';
import { loadBundledPack } from '../../src/core/pack/bundled';
import { bytesToBase64, signPackText } from '../../src/core/pack/signature';
import { validatePack } from '../../src/core/pack/validate';
import { loadActivePack, watchActivePack } from '../../src/platform/active-pack';
import { readAdoptedPack } from '../../src/platform/pack-update';

/**
 * The whole check against a real HTTP server, real WebCrypto and WXT's storage on the fake browser: what
 * the background does on each alarm, minus the alarm.
 */

const bundled = loadBundledPack();
// An update carries whole claims; the bundled pack leaves out what its build-time index holds.
const validated = validatePack(readPackFiles(new URL('../../data', import.meta.url).pathname));
if (!validated.ok) throw new Error('data/ does not validate');
const full = validated.pack;
const bump = (version: string) => version.replace(/^(\d+)/, (major) => String(Number(major) + 1));
const NEWER = bump(bundled.version);

let server: Server;
let baseUrl = '';
/** What the server answers at each path; a missing answer hangs (the timeout case). */
const routes = new Map<string, string>();
let privateKey: CryptoKey;
let publicKey = '';

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  publicKey = bytesToBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
  server = createServer((req, res) => {
    const body = routes.get(req.url ?? '');
    if (body === undefined) return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  fakeBrowser.reset();
  routes.clear();
});

const config = (path: string): PackUpdateConfig => ({ url: `${baseUrl}${path}`, publicKey, timeoutMs: 800 });
const signed = async (pack: object) => JSON.stringify(await signPackText(JSON.stringify(pack), privateKey));
const newerPack = (patch: object = {}) => ({ ...full, version: NEWER, ...patch });

describe('a signed pack update', () => {
  it('is adopted when newer, signed and valid; the active pack follows, watchers hear of it', async () => {
    const statement = 'A reworded statement that only the update carries, for this test.';
    const claims = full.claims.map((c, i) => (i === 0 ? { ...c, statement } : c));
    routes.set('/pack.json', await signed(newerPack({ claims })));
    expect((await loadActivePack(loadBundledPack)).pack.version).toBe(bundled.version);
    const seen: string[] = [];
    const unwatch = watchActivePack(loadBundledPack, (active) => seen.push(active.pack.version));

    const result = await checkForPackUpdate(config('/pack.json'));

    expect(result).toMatchObject({ outcome: 'adopted', offered: NEWER });
    const active = await loadActivePack(loadBundledPack);
    expect(active.origin).toBe('update');
    expect(active.pack.version).toBe(NEWER);
    expect(active.pack.claims[0]!.statement).toBe(statement);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([NEWER]);
    unwatch();
  });

  it('refuses a tampered pack (the text changed after signing) and keeps the bundled one', async () => {
    const good = JSON.parse(await signed(newerPack()));
    good.pack = good.pack.replace(bundled.claims[0]!.statement, 'Tampered statement, not what was signed.');
    routes.set('/pack.json', JSON.stringify(good));
    expect(await checkForPackUpdate(config('/pack.json'))).toMatchObject({
      outcome: 'refused',
      reason: 'bad-signature',
    });
    expect(await readAdoptedPack()).toBeNull();
    expect((await loadActivePack(loadBundledPack)).pack.version).toBe(bundled.version);
  });

  it('does not roll back: an older or equal pack is not adopted, even signed', async () => {
    routes.set('/newer.json', await signed(newerPack()));
    routes.set('/same.json', await signed({ ...full }));
    await checkForPackUpdate(config('/newer.json'));
    // The adopted pack is now the one to beat: the bundled version is older than it.
    expect(await checkForPackUpdate(config('/same.json'))).toMatchObject({
      outcome: 'current',
      offered: bundled.version,
    });
    expect((await loadActivePack(loadBundledPack)).pack.version).toBe(NEWER);
  });

  it('refuses a signed pack that fails the schema, or is dated in the future', async () => {
    routes.set('/invalid.json', await signed(newerPack({ claims: [{ id: 'Not A Slug' }] })));
    routes.set('/future.json', await signed(newerPack({ asOf: '2999-01-01' })));
    expect(await checkForPackUpdate(config('/invalid.json'))).toMatchObject({ reason: 'invalid-pack' });
    expect(await checkForPackUpdate(config('/future.json'))).toMatchObject({ reason: 'future-date' });
    expect(await readAdoptedPack()).toBeNull();
  });

  it('refuses a partial download, a timeout and a missing server without touching an adopted pack', async () => {
    routes.set('/good.json', await signed(newerPack()));
    await checkForPackUpdate(config('/good.json'));
    const before = await readAdoptedPack();
    const whole = await signed({ ...newerPack(), version: bump(NEWER) });
    routes.set('/partial.json', whole.slice(0, Math.floor(whole.length * 0.6)));

    expect(await checkForPackUpdate(config('/partial.json'))).toMatchObject({ reason: 'malformed' });
    expect(await checkForPackUpdate(config('/hangs.json'))).toMatchObject({ reason: 'timeout' });
    expect(
      await checkForPackUpdate({ ...config(''), url: 'http://127.0.0.1:9/claim-pack.signed.json' }),
    ).toMatchObject({ reason: 'unreachable' });
    expect(await readAdoptedPack()).toEqual(before);
  });

  it('sends a plain GET with no query, cookie or referrer', async () => {
    const seen: { url?: string; method?: string; cookie?: string; referer?: string }[] = [];
    server.once('request', (req) =>
      seen.push({
        url: req.url,
        method: req.method,
        cookie: req.headers.cookie,
        referer: req.headers.referer,
      }),
    );
    routes.set('/pack.json', await signed(newerPack()));
    await checkForPackUpdate(config('/pack.json'));
    expect(seen).toEqual([{ url: '/pack.json', method: 'GET', cookie: undefined, referer: undefined }]);
  });
});
