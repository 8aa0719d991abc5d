import { EMPHASIS_LABELS, EMPHASIS_MODES, type Emphasis } from '../../core/tier-styles';

/** How loudly highlights speak: only what matters stands out (default), or every tier alike. */
export function EmphasisChoice({ value, onChange }: { value: Emphasis; onChange(value: Emphasis): void }) {
  return (
    <fieldset>
      <legend>How highlights look</legend>
      {EMPHASIS_MODES.map((mode) => (
        <label class="choice" key={mode}>
          <input
            type="radio"
            name="emphasis"
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
          />
          <span>
            {EMPHASIS_LABELS[mode].title}
            <span class="choice-note muted"> {EMPHASIS_LABELS[mode].description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
