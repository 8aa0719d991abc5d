import { describe, expect, it } from 'vitest';
import {
  buildExportFile,
  EXPORT_FORMAT,
  mergeCorrections,
  parseExportFile,
  serializeExportFile,
} from '../../src/core/corrections/export-file';
import { issueTitle, MAX_ISSUE_URL_LENGTH, toGitHubIssueUrl } from '../../src/core/corrections/github-issue';
import { formatReview } from '../../src/core/corrections/review';
import {
  type Correction,
  type CorrectionDraft,
  CorrectionSchema,
  NOTE_MAX,
  newDraft,
  validateDraft,
} from '../../src/core/corrections/schema';
import { SettingsSchema } from '../../src/core/settings/schema';

const NOW = new Date('2026-05-01T10:00:00.000Z');

function claimDraft(patch: Partial<CorrectionDraft> = {}): CorrectionDraft {
  return {
    ...newDraft(
      {
        kind: 'wrong-tier',
        claimId: 'v4-total-params',
        currentTier: 'rumor',
        sentence: '  DeepSeek V4 could reach around\n one trillion parameters. ',
        pageUrl: 'https://news.example.test/seed-000.html#section',
        pageTitle: 'What To Expect From DeepSeek V4',
        packVersion: '1.0.0',
      },
      NOW,
    ),
    ...patch,
  };
}

function filed(patch: Partial<CorrectionDraft> = {}): Correction {
  const result = validateDraft(
    claimDraft({
      proposedTier: 'contradicted',
      evidenceUrl: 'https://example.test/model-card',
      reasonTags: ['new-evidence'],
      ...patch,
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.correction;
}

const messages = (draft: CorrectionDraft) => {
  const result = validateDraft(draft);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
};

describe('correction validation', () => {
  it('a new draft is pre-filled and its sentence whitespace is collapsed', () => {
    const draft = claimDraft();
    expect(draft.sentence).toBe('DeepSeek V4 could reach around one trillion parameters.');
    expect(draft).toMatchObject({
      claimId: 'v4-total-params',
      packVersion: '1.0.0',
      note: '',
      reasonTags: [],
    });
    expect(draft.id.length).toBeGreaterThanOrEqual(8);
  });

  it('wrong tier requires a proposed tier, a reason and an http(s) evidence link, each with its own message', () => {
    expect(messages(claimDraft())).toEqual({
      proposedTier: 'Choose the tier you propose.',
      evidenceUrl: 'Enter the address of the evidence.',
      reasonTags: 'Tick at least one reason.',
    });
    expect(
      messages(
        claimDraft({
          proposedTier: 'confirmed',
          evidenceUrl: 'javascript:alert(1)',
          reasonTags: ['too-weak'],
        }),
      ),
    ).toEqual({ evidenceUrl: 'The address of the evidence must be a full http:// or https:// address.' });
    expect(
      messages(
        claimDraft({ proposedTier: 'confirmed', evidenceUrl: 'ftp://x.test/a', reasonTags: ['too-weak'] }),
      ),
    ).toHaveProperty('evidenceUrl');
  });

  it('rejects proposing the tier the claim already has', () => {
    expect(
      messages(
        claimDraft({ proposedTier: 'rumor', evidenceUrl: 'https://e.test/', reasonTags: ['too-weak'] }),
      ),
    ).toEqual({
      proposedTier: 'Propose a tier other than the current one.',
    });
  });

  it('caps the note at 500 characters and says how long it is', () => {
    const note = 'x'.repeat(NOTE_MAX + 12);
    expect(messages(claimDraft({ kind: 'wrong-match', reasonTags: ['other-model'], note }))).toEqual({
      note: `Keep the note to ${NOTE_MAX} characters (it has ${NOTE_MAX + 12}).`,
    });
    expect(
      validateDraft(
        claimDraft({ kind: 'wrong-match', reasonTags: ['other-model'], note: 'x'.repeat(NOTE_MAX) }),
      ).ok,
    ).toBe(true);
  });

  it('wrong match needs only a reason; fields of other kinds are dropped, not reported', () => {
    const result = validateDraft(
      claimDraft({
        kind: 'wrong-match',
        reasonTags: ['other-model', 'new-evidence'],
        proposedTier: 'confirmed',
        evidenceUrl: 'nonsense',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.correction).toMatchObject({
      kind: 'wrong-match',
      status: 'filed',
      reasonTags: ['other-model'],
    });
    expect(result.correction).not.toHaveProperty('proposedTier');
    expect(result.correction).not.toHaveProperty('evidenceUrl');
  });

  it('a missed claim needs the sentence and no claim id; tier and evidence are optional', () => {
    const missing = newDraft(
      {
        kind: 'missing-claim',
        sentence: '',
        pageUrl: 'https://news.example.test/a',
        pageTitle: 'A',
        packVersion: '1.0.0',
      },
      NOW,
    );
    expect(messages(missing)).toEqual({ sentence: 'Enter the sentence from the page.' });
    const result = validateDraft({ ...missing, sentence: 'V4 ships with a 2M context window.' });
    expect(result.ok && result.correction).toMatchObject({ kind: 'missing-claim', reasonTags: [] });
    expect(result.ok && 'claimId' in result.correction).toBe(false);
    expect(messages({ ...missing, sentence: 'x', evidenceUrl: 'not a url' })).toHaveProperty('evidenceUrl');
  });

  it('rejects a page that is not http(s) and a malformed pack version', () => {
    expect(
      messages(claimDraft({ kind: 'wrong-match', reasonTags: ['other-model'], pageUrl: 'chrome://newtab/' })),
    ).toEqual({
      pageUrl: 'The page address must be a full http:// or https:// address.',
    });
    expect(
      messages(claimDraft({ kind: 'wrong-match', reasonTags: ['other-model'], packVersion: 'v1' })),
    ).toHaveProperty('packVersion');
  });

  it('the stored schema rejects unknown kinds, statuses and extra fields', () => {
    const good = filed();
    expect(CorrectionSchema.safeParse(good).success).toBe(true);
    expect(CorrectionSchema.safeParse({ ...good, kind: 'typo' }).error?.issues[0]?.message).toMatch(
      /kind must be/,
    );
    expect(CorrectionSchema.safeParse({ ...good, status: 'lost' }).success).toBe(false);
    expect(CorrectionSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
  });
});

describe('export and import', () => {
  const corrections = [
    filed(),
    filed({ kind: 'wrong-match', reasonTags: ['numbers-differ'], note: 'It says 1.6T, not 1T.' }),
    (() => {
      const r = validateDraft({
        ...newDraft(
          {
            kind: 'missing-claim',
            sentence: 'V4 uses Engram memory.',
            pageUrl: 'https://b.test/',
            pageTitle: 'B',
            packVersion: '1.0.0',
          },
          NOW,
        ),
        proposedTier: 'reported',
        reasonTags: ['new-claim'],
      });
      if (!r.ok) throw new Error('fixture');
      return r.correction;
    })(),
  ];

  it('export → import is lossless, settings included', () => {
    const settings = SettingsSchema.parse({
      tiers: ['rumor', 'contradicted'],
      minStrength: 0.7,
      correctionRepo: 'o/r',
    });
    const text = serializeExportFile(buildExportFile({ corrections, settings }, NOW));
    const result = parseExportFile(text);
    expect(result).toEqual({
      ok: true,
      exportedAt: NOW.toISOString(),
      corrections,
      entryProblems: [],
      settings,
      settingsProblem: undefined,
    });
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: 1 });
  });

  it('keeps the good entries and reports each bad one by position and id', () => {
    const file = buildExportFile({ corrections: [...corrections] }, NOW) as unknown as {
      corrections: unknown[];
    };
    file.corrections.splice(
      1,
      0,
      { ...corrections[0], id: 'bad-entry-1', evidenceUrl: 'nope' },
      'not an object',
    );
    file.corrections.push(corrections[0]);
    const result = parseExportFile(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.corrections.map((c) => c.id)).toEqual(corrections.map((c) => c.id));
    expect(result.entryProblems).toEqual([
      {
        position: 2,
        id: 'bad-entry-1',
        problems: ['evidenceUrl: The address of the evidence must be a full http:// or https:// address.'],
      },
      { position: 3, id: undefined, problems: [expect.stringMatching(/./)] },
      { position: 6, id: corrections[0]!.id, problems: ['the same id appears earlier in the file'] },
    ]);
  });

  it('says clearly what is wrong with a file that is not an export', () => {
    expect(parseExportFile('{oops')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not readable JSON/),
    });
    expect(parseExportFile('[]')).toEqual({
      ok: false,
      error: 'The file is not a Claim Lens export (expected a JSON object).',
    });
    expect(parseExportFile('{"format":"other"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a Claim Lens export/),
    });
    expect(
      parseExportFile(JSON.stringify({ format: EXPORT_FORMAT, version: 9, corrections: [] })),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer Claim Lens \(format version 9/),
    });
    expect(
      parseExportFile(JSON.stringify({ format: EXPORT_FORMAT, version: 1, corrections: {} })),
    ).toMatchObject({
      ok: false,
      error: 'corrections: "corrections" must be a list.',
    });
  });

  it('invalid settings in a file are reported and not applied; the corrections still come in', () => {
    const file = { ...buildExportFile({ corrections }, NOW), settings: { minStrength: 7 } };
    const result = parseExportFile(JSON.stringify(file));
    expect(result.ok && result.corrections).toHaveLength(3);
    expect(result.ok && result.settings).toBeUndefined();
    expect(result.ok && result.settingsProblem).toMatch(/minStrength/);
  });

  it('merging keeps what is stored and adds only new ids', () => {
    const { merged, added, alreadyPresent } = mergeCorrections(corrections.slice(0, 2), corrections);
    expect(merged.map((c) => c.id)).toEqual(corrections.map((c) => c.id));
    expect({ added, alreadyPresent }).toEqual({ added: 1, alreadyPresent: 2 });
  });
});

describe('GitHub issue link', () => {
  it('builds a new-issue URL with a readable title and markdown body', () => {
    const correction = filed({ note: 'See the model card @someone #12' });
    const url = new URL(toGitHubIssueUrl(correction, 'octo-org/claim-lens'));
    expect(url.origin + url.pathname).toBe('https://github.com/octo-org/claim-lens/issues/new');
    expect(url.searchParams.get('title')).toBe(
      '[Claim Lens] Wrong or outdated tier: v4-total-params (Rumor → Contradicted)',
    );
    const body = url.searchParams.get('body')!;
    expect(body).toContain('**Claim:** `v4-total-params` (shown as ! Rumor)');
    expect(body).toContain('**Proposed tier:** ✗ Contradicted');
    expect(body).toContain('**Evidence:** <https://example.test/model-card>');
    expect(body).toContain('> DeepSeek V4 could reach around one trillion parameters.');
    expect(body).toContain('- Newer evidence has changed it (`new-evidence`)');
    expect(body).toContain('Claim pack v1.0.0');
    // Readers' text cannot ping people or link issues (inside the JSON code block it is inert).
    const prose = body.slice(0, body.indexOf('<details>'));
    expect(prose).toContain('@\u200bsomeone #\u200b12');
    expect(prose).not.toMatch(/@someone/);
    expect(body).toContain('```json');
  });

  it('titles a missed claim by its words', () => {
    const missing = validateDraft(
      newDraft({
        kind: 'missing-claim',
        sentence: 'V4 uses Engram memory.',
        pageUrl: 'https://b.test/',
        pageTitle: 'B',
        packVersion: '1.0.0',
      }),
    );
    expect(missing.ok && issueTitle(missing.correction)).toBe(
      '[Claim Lens] Missed claim: “V4 uses Engram memory.”',
    );
  });

  it('stays under the URL length GitHub accepts, shortening long text', () => {
    const long = filed({
      sentence: '数'.repeat(1500),
      note: '😀'.repeat(500),
      pageUrl: `https://news.example.test/${'a'.repeat(1900)}`,
      evidenceUrl: `https://e.test/${'%20'.repeat(600)}`,
    });
    const url = toGitHubIssueUrl(long, 'o/r');
    expect(url.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    expect(new URL(url).searchParams.get('body')).toContain('…');
  });

  it('refuses a repository that is not owner/name', () => {
    expect(() => toGitHubIssueUrl(filed(), '')).toThrow(/owner\/name/);
    expect(() => toGitHubIssueUrl(filed(), 'https://github.com/o/r')).toThrow();
  });
});

describe('maintainer review', () => {
  it('groups what readers proposed per claim, then lists missed claims and invalid entries', () => {
    const a = filed({ note: 'Model card says 1.6T.' });
    const b = filed({
      evidenceUrl: 'https://example.test/other',
      reasonTags: ['official-statement', 'new-evidence'],
    });
    const c = filed({ kind: 'wrong-match', reasonTags: ['other-model'] });
    const missing = validateDraft({
      ...newDraft({
        kind: 'missing-claim',
        sentence: 'V4 uses Engram.',
        pageUrl: 'https://b.test/',
        pageTitle: 'B',
        packVersion: '1.0.0',
      }),
      proposedTier: 'reported',
    });
    if (!missing.ok) throw new Error('fixture');
    const text = formatReview({
      fileName: 'export.json',
      corrections: [a, b, c, missing.correction],
      entryProblems: [{ position: 5, id: 'bad', problems: ['note: too long'] }],
      pack: { version: '1.0.0', claims: [] },
    });
    expect(text).toContain('4 valid corrections · 1 invalid entry');
    expect(text).toContain('entry 5 (bad):\n    - note: too long');
    expect(text).toContain('v4-total-params [not in the current pack]');
    expect(text).toContain('3 reports: wrong or outdated tier ×2, wrong match');
    expect(text).toContain('proposed tiers: contradicted ×2');
    expect(text).toContain('reasons: new-evidence ×2, official-statement, other-model');
    expect(text).toContain('note:     Model card says 1.6T.');
    expect(text).toContain('evidence: https://example.test/other');
    expect(text).toMatch(/== Missed claims \(1\)\n {2}- \[missed claim\] · suggested tier: reported/);
  });
});
