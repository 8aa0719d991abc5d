import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/schema';
import { normalizeHost } from '../../core/settings/site-rules';

export function SiteRules({
  sites,
  onChange,
}: {
  sites: Settings['sites'];
  onChange(sites: Settings['sites']): void;
}) {
  const [host, setHost] = useState('');
  const [rule, setRule] = useState<'always' | 'never'>('never');
  const [error, setError] = useState('');
  const entries = Object.entries(sites).sort(([a], [b]) => a.localeCompare(b));

  function add(event: Event) {
    event.preventDefault();
    const normalized = normalizeHost(host);
    if (!normalized) {
      setError('Enter a site such as news.example.com (or paste its address).');
      return;
    }
    setError('');
    setHost('');
    onChange({ ...sites, [normalized]: rule });
  }

  return (
    <>
      {entries.length > 0 ? (
        <ul class="item-list site-rules">
          {entries.map(([name, value]) => (
            <li key={name} class="item site-rule">
              <span>
                <strong>{name}</strong>:{' '}
                {value === 'always' ? 'always label (even when paused)' : 'never label'}
              </span>
              <button
                type="button"
                class="small"
                onClick={() => {
                  const next = { ...sites };
                  delete next[name];
                  onChange(next);
                }}
              >
                Remove<span class="visually-hidden"> rule for {name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No site rules. Every site is labeled unless paused.</p>
      )}
      <form class="site-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="site-host">Site</label>
          <input
            id="site-host"
            type="text"
            placeholder="news.example.com"
            value={host}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(e) => setHost(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="site-rule">Rule</label>
          <select
            id="site-rule"
            value={rule}
            onChange={(e) => setRule(e.currentTarget.value as 'always' | 'never')}
          >
            <option value="never">Never label</option>
            <option value="always">Always label</option>
          </select>
        </div>
        <button type="submit">Add rule</button>
      </form>
      {error && (
        <p id="site-error" class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}
