import { loadBundledPack } from '../core/pack/bundled';
import {
  checkReplaces,
  importPublicKey,
  PackRefusal,
  parseSignedPack,
  verifySignedPack,
} from '../core/pack/signature';
import { validatePack } from '../core/pack/validate';
import { readActivePackIdentity } from '../platform/active-pack';
import {
  cancelPackChecks,
  downloadSignedPack,
  type LastCheck,
  onPackCheckAlarm,
  PACK_PUBLIC_KEY,
  PACK_UPDATE_TIMEOUT_MS,
  PACK_UPDATE_URL,
  type PackUpdateState,
  packUpdateMessaging,
  packUpdateStateItem,
  schedulePackChecks,
  writeAdoptedPack,
} from '../platform/pack-update';

/** Twice a day, like a filter list: tiers change in days, not minutes. The first check soon after start. */
const CHECK_PERIOD_MINUTES = 12 * 60;
const FIRST_CHECK_DELAY_MINUTES = 1;

export interface PackUpdateConfig {
  url: string;
  publicKey: string;
  timeoutMs: number;
}

/**
 * One update check: download, verify the Ed25519 signature over the exact text, validate the schema and
 * references, and refuse anything that is not strictly newer or is dated in the future. Only a pack that
 * passes every check is stored, in one write; a failure anywhere leaves the pack in use untouched.
 */
export async function checkForPackUpdate(config: PackUpdateConfig, now = new Date()): Promise<LastCheck> {
  const at = now.toISOString();
  let offered: string | undefined;
  try {
    const download = await downloadSignedPack(config.url, config.timeoutMs);
    if (!download.ok) throw new PackRefusal(download.reason);
    const signed = parseSignedPack(download.text);
    const key = await importPublicKey(config.publicKey);
    if (!(await verifySignedPack(signed, key))) throw new PackRefusal('bad-signature');
    let raw: unknown;
    try {
      raw = JSON.parse(signed.pack);
    } catch {
      throw new PackRefusal('invalid-pack', 'signed text is not JSON');
    }
    offered =
      typeof (raw as { version?: unknown })?.version === 'string'
        ? (raw as { version: string }).version
        : undefined;
    const result = validatePack(raw);
    if (!result.ok) throw new PackRefusal('invalid-pack', `${result.problems.length} problem(s)`);
    const { pack } = result;
    checkReplaces(pack, await readActivePackIdentity(loadBundledPack()), now);
    await writeAdoptedPack({
      id: pack.id,
      version: pack.version,
      asOf: pack.asOf,
      json: JSON.stringify(pack),
      adoptedAt: at,
    });
    return { at, outcome: 'adopted', offered: pack.version };
  } catch (error) {
    if (!(error instanceof PackRefusal)) {
      console.warn('[Claim Lens] pack update check failed:', error);
      return { at, outcome: 'refused', reason: 'malformed', offered };
    }
    if (error.reason === 'not-newer') return { at, outcome: 'current', offered };
    console.info(`[Claim Lens] pack update refused: ${error.message}`);
    return { at, outcome: 'refused', reason: error.reason, offered };
  }
}

let running: Promise<PackUpdateState> | undefined;

/** Runs a check (one at a time: "check now" during an alarm's check joins it) and records the outcome. */
function runAndRecord(config: PackUpdateConfig): Promise<PackUpdateState> {
  running ??= record(config).finally(() => {
    running = undefined;
  });
  return running;
}

async function record(config: PackUpdateConfig): Promise<PackUpdateState> {
  const lastCheck = await checkForPackUpdate(config);
  const { value: state } = await packUpdateStateItem.read();
  const next: PackUpdateState = {
    ...state,
    lastCheck,
    lastRefusal:
      lastCheck.outcome === 'refused'
        ? lastCheck
        : lastCheck.outcome === 'adopted'
          ? undefined
          : state.lastRefusal,
  };
  await packUpdateStateItem.write(next);
  return next;
}

/** The background's part: an alarm while updates are on, none while they are off or unconfigured. */
export function startPackUpdates(): void {
  if (!PACK_UPDATE_URL) return;
  const config: PackUpdateConfig = {
    url: PACK_UPDATE_URL,
    publicKey: PACK_PUBLIC_KEY,
    timeoutMs: PACK_UPDATE_TIMEOUT_MS,
  };
  const applyEnabled = async (enabled: boolean) => {
    if (enabled) await schedulePackChecks(CHECK_PERIOD_MINUTES, FIRST_CHECK_DELAY_MINUTES);
    else await cancelPackChecks();
  };
  void packUpdateStateItem.read().then(({ value }) => applyEnabled(value.enabled));
  packUpdateStateItem.watch((value) => void applyEnabled(value.enabled));
  onPackCheckAlarm(() => {
    void packUpdateStateItem.read().then(({ value }) => (value.enabled ? runAndRecord(config) : undefined));
  });
  // "Check now" works even with periodic updates off: the reader asked for this one.
  packUpdateMessaging.onMessage('checkPackNow', () => runAndRecord(config));
}
