import type { Settings } from '../../core/settings/schema';
import { settingsItem } from '../../platform/settings-item';
import { Switch } from '../shared/Switch';

async function setSite(settings: Settings, host: string, on: boolean): Promise<void> {
  const sites = { ...settings.sites };
  if (on) delete sites[host];
  else sites[host] = 'never';
  await settingsItem.write({ ...settings, sites });
}

export function Controls({ settings, host }: { settings: Settings; host: string }) {
  return (
    <section aria-labelledby="controls-heading" class="controls">
      <h2 id="controls-heading">Highlighting</h2>
      {host && (
        <Switch
          id="site-switch"
          checked={settings.sites[host] !== 'never'}
          onChange={(on) => void setSite(settings, host, on)}
        >
          Highlight claims on {host}
        </Switch>
      )}
      <Switch
        id="pause-switch"
        checked={settings.paused}
        onChange={(paused) => void settingsItem.write({ ...settings, paused })}
        description="Pauses every site, except sites set to “always” in Settings."
      >
        Pause Claim Lens everywhere
      </Switch>
    </section>
  );
}
