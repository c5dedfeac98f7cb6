import type { AssistantErrorAction, AssistantErrorInfo } from '../../lib/agent/errors';

interface ErrorNoticeProps {
  error: AssistantErrorInfo;
  onRetry: () => void;
  onOpenSettings: () => void;
  onSwitchModel: () => void;
  /** For an interrupted answer: carry it on from where it stopped (Retry starts it again). */
  onContinue?: () => void;
}

const ACTION_LABEL: Record<AssistantErrorAction, string> = {
  retry: 'Retry',
  'open-settings': 'Open settings',
  'switch-model': 'Switch model',
  'switch-integration': 'Switch model',
};

/** An error in the thread, with the one action that fixes it. */
export function ErrorNotice({ error, onRetry, onOpenSettings, onSwitchModel, onContinue }: ErrorNoticeProps) {
  // Another integration is picked in the same model selector as another model.
  const act = { retry: onRetry, 'open-settings': onOpenSettings, 'switch-model': onSwitchModel, 'switch-integration': onSwitchModel }[error.action];
  return (
    <div className="ia-error" role="alert" data-testid="ia-error" data-code={error.code}>
      <span>{error.message}</span>
      {error.code === 'interrupted' && onContinue && (
        <button type="button" onClick={onContinue} data-testid="ia-error-continue">
          Continue
        </button>
      )}
      <button type="button" onClick={act} data-testid="ia-error-action" data-action={error.action}>
        {ACTION_LABEL[error.action]}
      </button>
    </div>
  );
}
