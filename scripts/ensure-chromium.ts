import { chromiumVersion, findChromium } from './lib/chromium';

try {
  const path = findChromium({ install: true });
  console.log(`[claim-lens] Using ${chromiumVersion(path)} at ${path}`);
} catch (error) {
  console.error(`[claim-lens] ${(error as Error).message}`);
  process.exit(1);
}
