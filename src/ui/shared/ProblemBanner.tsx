import { pluralWord } from '../../core/text';

/**
 * Stored data that could not be read: what happened, and that nothing was lost (it is set aside for the
 * reader in Options). Shown by the popup and the options page alike.
 */
export function ProblemBanner({
  problems,
  quarantined,
  inOptions = false,
}: {
  problems: string[];
  quarantined: number;
  /** On the options page the set-aside list is below, not "in Settings". */
  inOptions?: boolean;
}) {
  if (problems.length === 0 && quarantined === 0) return null;
  const them = pluralWord(quarantined, { one: 'it', other: 'them' });
  return (
    <div class="problem-banner" role="alert">
      {problems.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {quarantined > 0 && problems.length === 0 && (
        <p>
          {quarantined} stored {pluralWord(quarantined, { one: 'value was', other: 'values were' })}{' '}
          unreadable and set aside. Review {them} {inOptions ? 'under “Set-aside data” below' : 'in Settings'}
          .
        </p>
      )}
    </div>
  );
}
