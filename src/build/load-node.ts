import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemblePack } from '../core/pack/assemble';

/** Reads data/ the way the build does: pack.json (meta), sources.json, claims/*.json (arrays of claims). */
export function readPackFiles(dataDir: string): unknown {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
    }
  };
  const claimsDir = join(dataDir, 'claims');
  const claimFiles = readdirSync(claimsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read(join(claimsDir, f)));
  return assemblePack(read(join(dataDir, 'pack.json')), read(join(dataDir, 'sources.json')), claimFiles);
}
