import type { Tier } from '../../core/pack/schema';
import { TIER_STYLES } from '../../core/tier-styles';

/**
 * A tier as icon + word + colour, never colour alone. The word is in the text colour (tier colours on
 * their own fill are too light to read); the icon and border carry the tier's colour.
 */
export function TierBadge({ tier }: { tier: Tier }) {
  const style = TIER_STYLES[tier];
  return (
    <span class={`tier tier-${tier}`} style={{ '--tier-color': style.color, '--tier-fill': style.fill }}>
      <span class="tier-icon" aria-hidden="true">
        {style.icon}
      </span>
      {style.label}
    </span>
  );
}
