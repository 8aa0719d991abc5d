import { TIER_STYLES } from '../../core/tier-styles';
import { TIER_IDS, type Tier } from '../../core/tiers';
import { TierBadge } from '../shared/TierBadge';

export function TierChoices({ selected, onChange }: { selected: Tier[]; onChange(tiers: Tier[]): void }) {
  return (
    <fieldset>
      <legend>Tiers to show</legend>
      {TIER_IDS.map((tier) => (
        <label class="choice tier-option" key={tier}>
          <input
            type="checkbox"
            name="tiers"
            value={tier}
            checked={selected.includes(tier)}
            onChange={(e) =>
              onChange(
                e.currentTarget.checked
                  ? TIER_IDS.filter((t) => t === tier || selected.includes(t))
                  : selected.filter((t) => t !== tier),
              )
            }
          />
          <span>
            <TierBadge tier={tier} /> <span class="muted">{TIER_STYLES[tier].meaning}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
