import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildMatchIndex, withoutIndexedRules } from '../core/match/compile';
import { formatProblems, validatePack } from '../core/pack/validate';
import { readPackFiles } from './load-node';

const VIRTUAL_ID = 'virtual:claim-pack';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Validates data/ at build time and bundles the pack, and the matcher's index for it, as JSON strings. Pages parse it only after the
 * DeepSeek gate passes, so a page that never mentions DeepSeek pays nothing for the database.
 * An invalid pack fails the build with the claim id, field and problem.
 */
export function claimPackPlugin(dataDir = resolve(import.meta.dirname, '../../data')): Plugin {
  return {
    name: 'claim-lens:claim-pack',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = validatePack(readPackFiles(dataDir));
      if (!result.ok) {
        this.error(`The claim pack in ${dataDir} is invalid:\n${formatProblems(result.problems)}`);
      }
      // The matcher's index is computed here too, so a page only turns plain arrays back into Maps; the
      // rules it holds are not shipped a second time.
      const index = buildMatchIndex(result.pack.claims);
      return [
        `export default ${JSON.stringify(JSON.stringify(withoutIndexedRules(result.pack)))};`,
        `export const matchIndexJson = ${JSON.stringify(JSON.stringify(index))};`,
      ].join('\n');
    },
  };
}
