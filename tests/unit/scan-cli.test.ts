import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../src/content/scan-document';
import { compileMatcher } from '../../src/core/match/matcher';
import { ROOT, realPack, SEED_PAGES, squash } from '../support/pages';

/** Runs `npm run scan` as a reader would (through tsx), not its functions. */
function scan(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/scan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  input: string;
  rows: { sentence: string; claimId: string; tier: string; strength: number }[];
  unmatchedV4Sentences: string[];
}

describe('npm run scan', () => {
  it("reports on the seed pages exactly what the content script's matcher finds", { timeout: 60_000 }, () => {
    const files = Object.values(SEED_PAGES).map((f) => `tests/fixtures/pages/${f}`);
    const { status, stdout } = scan('--json', ...files);
    expect(status).toBe(0);
    const { reports } = JSON.parse(stdout) as { reports: Report[] };
    const pack = realPack();
    const matcher = compileMatcher(pack);
    for (const file of files) {
      const report = reports.find((r) => r.input.endsWith(file))!;
      const input = htmlBlocks(readFileSync(resolve(ROOT, file), 'utf8'));
      const direct = matcher.matchDocument(input.blocks, { title: input.title });
      const pairs = (rows: { sentence: string; claimId: string }[]) =>
        rows.map((r) => `${squash(r.sentence)} → ${r.claimId}`).sort();
      expect(report.rows.length).toBeGreaterThan(0);
      expect(pairs(report.rows)).toEqual(
        pairs(direct.matches.flatMap((m) => m.hits.map((h) => ({ sentence: m.text, claimId: h.claimId })))),
      );
      for (const row of report.rows) {
        expect(['confirmed', 'reported', 'speculative', 'rumor', 'contradicted']).toContain(row.tier);
        expect(row.strength).toBeGreaterThan(0);
        expect(row.strength).toBeLessThanOrEqual(1);
      }
    }
  });

  it('prints a table for people, and reads plain text files', { timeout: 60_000 }, () => {
    const { status, stdout } = scan(resolve(ROOT, 'tests/fixtures/seeds/004_feafada67e23f17f.txt'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/Sentence\s+Claim id\s+Tier\s+Match/);
    expect(stdout).toMatch(/contradicted/);
  });

  it('explains unreadable, binary and unreachable inputs, and still scans the rest', {
    timeout: 60_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const binary = join(dir, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]));
    const { status, stdout, stderr } = scan(
      join(dir, 'missing.html'),
      binary,
      'http://127.0.0.1:9/unreachable',
      'tests/fixtures/pages/seed-000.html',
    );
    expect(status).toBe(1);
    expect(stderr).toContain('missing.html: no such file');
    expect(stderr).toMatch(/image\.png looks binary/);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/unreachable/);
    expect(stdout).toMatch(/seed-000\.html: \d+ claims? found/);
  });
});
