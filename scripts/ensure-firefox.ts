import { findFirefox, firefoxVersion } from './lib/firefox';

try {
  const path = findFirefox({ install: true });
  console.log(`[claim-lens] Using ${firefoxVersion(path)} at ${path}`);
} catch (error) {
  console.error(`[claim-lens] ${(error as Error).message}`);
  process.exit(1);
}
