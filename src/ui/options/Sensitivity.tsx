import { useEffect, useState } from 'preact/hooks';

const STRENGTH_MIN = 0.3;
const STRENGTH_MAX = 0.95;

export function strengthWords(value: number): string {
  const percent = Math.round(value * 100);
  if (value < 0.45) return `${percent}%: also loose paraphrases (more highlights, more mistakes)`;
  if (value < 0.7) return `${percent}%: paraphrases and close wording (recommended)`;
  return `${percent}%: only close wording and same numbers (fewer highlights)`;
}

export function Sensitivity({ value, onChange }: { value: number; onChange(value: number): void }) {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <div class="field">
      <label for="sensitivity">Sensitivity: how closely a sentence must match a claim</label>
      <div class="range-row">
        <span class="muted range-end" aria-hidden="true">
          More highlights
        </span>
        <input
          id="sensitivity"
          type="range"
          min={STRENGTH_MIN}
          max={STRENGTH_MAX}
          step={0.05}
          value={shown}
          aria-valuetext={strengthWords(shown)}
          aria-describedby="sensitivity-words"
          onInput={(e) => setShown(Number(e.currentTarget.value))}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
        />
        <span class="muted range-end" aria-hidden="true">
          Fewer, surer
        </span>
      </div>
      <p id="sensitivity-words" class="hint">
        Minimum match {strengthWords(shown)}
      </p>
    </div>
  );
}
