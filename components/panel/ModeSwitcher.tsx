import { useId, useState } from 'react';
import type { ChatMode } from '../../lib/db/database';
import type { ModeAvailability } from '../../lib/settings/modes';
import { LockIcon } from './icons';

interface ModeSwitcherProps {
  mode: ChatMode;
  /** From the organization settings (through the background); undefined until known. */
  availability: ModeAvailability | undefined;
  onChange: (mode: ChatMode) => void;
}

const CHECKING = 'Checking whether Build mode is available…';

/**
 * Ask / Build for this conversation. Build stays visible when it is not
 * available, with the reason shown on hover, focus or click (and read out as
 * its description), so users learn it exists and whom to ask.
 */
export function ModeSwitcher({ mode, availability, onChange }: ModeSwitcherProps) {
  const [explaining, setExplaining] = useState(false);
  const reasonId = useId();
  const buildEnabled = availability?.build.enabled === true;
  const reason = buildEnabled ? undefined : (availability?.build.reason ?? CHECKING);
  const shown: ChatMode = buildEnabled ? mode : 'ask';
  return (
    <div className="ia-mode" role="group" aria-label="Mode" data-testid="ia-mode">
      <button
        type="button"
        className="ia-mode-option"
        aria-pressed={shown === 'ask'}
        data-testid="ia-mode-ask"
        title="Ask: answers and looks things up, changes nothing"
        onClick={() => onChange('ask')}
      >
        Ask
      </button>
      <button
        type="button"
        className="ia-mode-option"
        aria-pressed={shown === 'build'}
        aria-disabled={!buildEnabled}
        aria-describedby={reason ? reasonId : undefined}
        data-testid="ia-mode-build"
        title={reason ?? 'Build: proposes changes, each one runs only after you approve it'}
        onClick={() => (buildEnabled ? onChange('build') : setExplaining(true))}
        onPointerEnter={() => reason && setExplaining(true)}
        onPointerLeave={() => setExplaining(false)}
        onFocus={() => reason && setExplaining(true)}
        onBlur={() => setExplaining(false)}
      >
        {!buildEnabled && <LockIcon />}
        Build
      </button>
      {reason && (
        <span id={reasonId} className="ia-mode-reason" role="tooltip" data-testid="ia-mode-reason" hidden={!explaining}>
          {reason}
        </span>
      )}
    </div>
  );
}
