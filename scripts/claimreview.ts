import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packToClaimReviewFeed } from '../src/core/claimreview';
import { argValue, validatedPack } from './lib/pack-signing';

/**
 * `npm run claimreview -- --out FILE`: the claim pack as schema.org ClaimReview JSON-LD (a DataFeed, one
 * ClaimReview per claim). Without --out it prints to stdout.
 */
const args = process.argv.slice(2);

try {
  const pack = validatedPack();
  const text = `${JSON.stringify(packToClaimReviewFeed(pack), null, 2)}\n`;
  const out = argValue(args, '--out');
  if (out) {
    writeFileSync(resolve(out), text);
    console.error(
      `Wrote ${pack.claims.length} ClaimReviews (${pack.id} v${pack.version}, as of ${pack.asOf}) to ${out}`,
    );
  } else {
    process.stdout.write(text);
  }
} catch (error) {
  console.error(`[claimreview] ${(error as Error).message}`);
  process.exit(1);
}
