import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Correction,
  type CorrectionDraft,
  type CorrectionKind,
  type FieldError,
  KIND_LABELS,
  NOTE_MAX,
  REASON_TAGS,
} from '../../core/corrections/schema';
import type { Claim } from '../../core/pack/schema';
import { pluralWord } from '../../core/text';
import { TIER_STYLES } from '../../core/tier-styles';
import { TIER_IDS, type Tier } from '../../core/tiers';
import { TierBadge } from './TierBadge';

export interface CorrectionFormProps {
  draft: CorrectionDraft;
  /** The claim the draft is about, from the bundled pack (absent for a missed claim). */
  claim?: Claim;
  /** Every edit, so the caller can store it at once: closing the popup must lose nothing. */
  onChange(draft: CorrectionDraft): void;
  /** Validates and saves (sends nothing); resolves with field errors when something must be fixed. */
  onSubmit(
    draft: CorrectionDraft,
  ): Promise<{ ok: true; correction: Correction } | { ok: false; errors: FieldError[] }>;
  onSaved(correction: Correction): void;
  onDiscard(): void;
  onBack(): void;
}

const fieldId = (field: string) => `field-${field}`;
const errorId = (field: string) => `error-${field}`;

function ErrorText({ errors, field }: { errors: FieldError[]; field: string }) {
  const error = errors.find((e) => e.field === field);
  if (!error) return null;
  return (
    <p class="field-error" id={errorId(field)}>
      <span aria-hidden="true">⚠ </span>
      {error.message}
    </p>
  );
}

/** aria attributes tying a control to its error, when it has one. */
function invalidProps(errors: FieldError[], field: string, describedBy?: string) {
  const hasError = errors.some((e) => e.field === field);
  const ids = [describedBy, hasError ? errorId(field) : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': hasError ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

/** A group's error is announced through its description; aria-invalid belongs on the controls. */
function groupProps(errors: FieldError[], field: string) {
  return errors.some((e) => e.field === field) ? { 'aria-describedby': errorId(field) } : {};
}

/** The fields this kind of correction shows; errors on others are shown together at the end. */
function visibleFields(kind: CorrectionKind): Set<string> {
  const fields = new Set(['reasonTags', 'note']);
  if (kind === 'missing-claim') fields.add('sentence');
  else fields.add('kind');
  if (kind !== 'wrong-match') {
    fields.add('proposedTier');
    fields.add('evidenceUrl');
  }
  return fields;
}

export function CorrectionForm({
  draft,
  claim,
  onChange,
  onSubmit,
  onSaved,
  onDiscard,
  onBack,
}: CorrectionFormProps) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const update = (patch: Partial<CorrectionDraft>) => onChange({ ...draft, ...patch });
  /** Another kind shows other fields: errors of fields no longer shown go with them. */
  const switchKind = (kind: CorrectionKind) => {
    const shownNext = visibleFields(kind);
    setErrors((list) => list.filter((e) => shownNext.has(e.field)));
    update({ kind });
  };
  const isMissing = draft.kind === 'missing-claim';
  const reasons = Object.entries(REASON_TAGS[draft.kind]) as [string, string][];

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await onSubmit(draft);
      if (result.ok) {
        setErrors([]);
        onSaved(result.correction);
        return;
      }
      setErrors(result.errors);
      // Move focus to the list of problems, so screen-reader and keyboard users hear what to fix.
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const heading = isMissing ? 'Report a missed claim' : 'Suggest a correction';
  const shown = visibleFields(draft.kind);
  const otherErrors = errors.filter((e) => !shown.has(e.field));
  const noteLength = draft.note.trim().length;

  return (
    <form class="correction-form" onSubmit={submit} noValidate aria-labelledby="form-heading">
      <div class="form-top">
        <button type="button" class="link-button" onClick={onBack}>
          <span aria-hidden="true">← </span>Back
        </button>
      </div>
      <h2 id="form-heading" tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      <p class="hint">Your draft is kept as you type: you can close this and come back.</p>

      {errors.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>
              Please fix {pluralWord(errors.length, { one: 'this', other: `these ${errors.length} things` })}{' '}
              before saving:
            </strong>
          </p>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                {shown.has(e.field) ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {claim && !isMissing && (
        <div class="claim-ref">
          <p class="label">The claim</p>
          <p>
            <TierBadge tier={claim.tier} /> {claim.statement}
          </p>
        </div>
      )}
      {!claim && draft.claimId && !isMissing && (
        <p class="claim-ref">
          Claim <code>{draft.claimId}</code> (not in this version of the claim pack)
        </p>
      )}

      {!isMissing && (
        <fieldset id={fieldId('kind')}>
          <legend>What is wrong?</legend>
          {(['wrong-match', 'wrong-tier'] as const).map((kind: CorrectionKind) => (
            <label class="choice" key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => switchKind(kind)}
              />
              {KIND_LABELS[kind].title}
            </label>
          ))}
        </fieldset>
      )}

      {isMissing ? (
        <div class="field">
          <label for={fieldId('sentence')}>The words on the page that state a DeepSeek V4 claim</label>
          <textarea
            id={fieldId('sentence')}
            rows={4}
            value={draft.sentence}
            onInput={(e) => update({ sentence: e.currentTarget.value })}
            {...invalidProps(errors, 'sentence')}
          />
          <ErrorText errors={errors} field="sentence" />
        </div>
      ) : (
        <div class="field">
          <p class="label">The page’s words</p>
          <blockquote class="quote">{draft.sentence}</blockquote>
        </div>
      )}

      {(draft.kind === 'wrong-tier' || isMissing) && (
        <fieldset id={fieldId('proposedTier')} {...groupProps(errors, 'proposedTier')}>
          <legend>{isMissing ? 'How well supported is it? (optional)' : 'Which tier should it have?'}</legend>
          <div class="tier-choices">
            {TIER_IDS.map((tier: Tier) => {
              const current = !isMissing && claim?.tier === tier;
              return (
                <label class={`choice tier-choice${current ? ' is-current' : ''}`} key={tier}>
                  <input
                    type="radio"
                    name="proposedTier"
                    value={tier}
                    checked={draft.proposedTier === tier}
                    disabled={current}
                    onChange={() => update({ proposedTier: tier })}
                  />
                  <TierBadge tier={tier} />
                  <span class="choice-note">{current ? 'current tier' : TIER_STYLES[tier].meaning}</span>
                </label>
              );
            })}
          </div>
          <ErrorText errors={errors} field="proposedTier" />
        </fieldset>
      )}

      {(draft.kind === 'wrong-tier' || isMissing) && (
        <div class="field">
          <label for={fieldId('evidenceUrl')}>
            Evidence: a link that shows it{isMissing ? ' (optional)' : ''}
          </label>
          <input
            id={fieldId('evidenceUrl')}
            type="url"
            inputMode="url"
            placeholder="https://…"
            value={draft.evidenceUrl}
            onInput={(e) => update({ evidenceUrl: e.currentTarget.value })}
            {...invalidProps(errors, 'evidenceUrl')}
          />
          <ErrorText errors={errors} field="evidenceUrl" />
        </div>
      )}

      <fieldset id={fieldId('reasonTags')} {...groupProps(errors, 'reasonTags')}>
        <legend>{isMissing ? 'What kind of miss is it? (optional)' : 'Why? Tick all that apply'}</legend>
        {reasons.map(([tag, label]) => (
          <label class="choice" key={tag}>
            <input
              type="checkbox"
              value={tag}
              checked={draft.reasonTags.includes(tag)}
              onChange={(e) =>
                update({
                  reasonTags: e.currentTarget.checked
                    ? [...draft.reasonTags.filter((t) => t !== tag), tag]
                    : draft.reasonTags.filter((t) => t !== tag),
                })
              }
            />
            {label}
          </label>
        ))}
        <ErrorText errors={errors} field="reasonTags" />
      </fieldset>

      <div class="field">
        <label for={fieldId('note')}>Note (optional)</label>
        <textarea
          id={fieldId('note')}
          rows={3}
          value={draft.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
          {...invalidProps(errors, 'note', 'note-count')}
        />
        <p id="note-count" class={`hint count${noteLength > NOTE_MAX ? ' over' : ''}`}>
          {noteLength} of {NOTE_MAX} characters
        </p>
        <ErrorText errors={errors} field="note" />
      </div>

      <details class="context">
        <summary>What is sent with it</summary>
        <dl>
          <dt>Page</dt>
          <dd>
            {draft.pageTitle || '(no title)'} <span class="url">{draft.pageUrl}</span>
          </dd>
          {draft.claimId && !isMissing && (
            <>
              <dt>Claim id</dt>
              <dd>
                <code>{draft.claimId}</code>
              </dd>
            </>
          )}
          <dt>Claim pack</dt>
          <dd>v{draft.packVersion}</dd>
        </dl>
        <p class="hint">Saving keeps it in your browser. Nothing leaves it until you choose Send.</p>
      </details>
      {otherErrors.length > 0 && (
        <div class="field-error">
          <p>
            <span aria-hidden="true">⚠ </span>This draft cannot be saved as it is:
          </p>
          <ul>
            {otherErrors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}

      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          Save correction
        </button>
        <button type="button" onClick={onDiscard}>
          Discard draft
        </button>
      </div>
    </form>
  );
}
