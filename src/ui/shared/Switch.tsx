import type { ComponentChildren } from 'preact';

/**
 * An on/off control: a real checkbox with role="switch", so it is labelled, focusable and announced.
 * The checkbox lies invisibly over the drawn track, so a click on the track is a click on it.
 */
export function Switch({
  checked,
  onChange,
  children,
  description,
  id,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  /** A line under the label, read as the switch's description. */
  description?: string;
  id: string;
}) {
  return (
    <div class="switch-row">
      <span class="switch-control">
        <input
          id={id}
          class="switch-input"
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
      </span>
      <label for={id} class="switch-label">
        {children}
      </label>
      {description && (
        <p id={`${id}-description`} class="switch-description hint">
          {description}
        </p>
      )}
    </div>
  );
}
