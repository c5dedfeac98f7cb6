import type { AssistantErrorInfo } from '../../lib/agent/errors';

interface ErrorNoticeProps {
  error: AssistantErrorInfo;
  onRetry: () => void;
  onOpenSettings: () => void;
}

/** An error in the thread, with the one action that fixes it. */
export function ErrorNotice({ error, onRetry, onOpenSettings }: ErrorNoticeProps) {
  return (
    <div className="ia-error" role="alert" data-testid="ia-error" data-code={error.code}>
      <span>{error.message}</span>
      {error.action === 'retry' ? (
        <button type="button" onClick={onRetry}>Retry</button>
      ) : (
        <button type="button" onClick={onOpenSettings}>Open settings</button>
      )}
    </div>
  );
}
