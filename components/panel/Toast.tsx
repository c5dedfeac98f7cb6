import type { ToastContent } from '../hooks/useToast';

interface ToastProps {
  toast: (ToastContent & { key: number }) | null;
  onDismiss: () => void;
  onHold: (held: boolean) => void;
}

/** A short note at the bottom of the panel, with an action (Undo) when there is one. */
export function Toast({ toast, onDismiss, onHold }: ToastProps) {
  return (
    <div className="ia-toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          key={toast.key}
          className={`ia-toast ia-toast-${toast.tone ?? 'info'}`}
          data-testid="ia-toast"
          onMouseEnter={() => onHold(true)}
          onMouseLeave={() => onHold(false)}
          onFocus={() => onHold(true)}
          onBlur={() => onHold(false)}
        >
          <span className="ia-toast-message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              data-testid="ia-toast-action"
              onClick={() => {
                onDismiss();
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="ia-toast-close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
