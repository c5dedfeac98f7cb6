import { HistoryIcon } from './icons';

/** The header's History toggle (top-left). */
export function HistoryButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="ia-icon-button ia-history-button"
      data-testid="ia-history-button"
      aria-label="History"
      aria-expanded={open}
      aria-controls="ia-history"
      title="History"
      onClick={onToggle}
    >
      <HistoryIcon />
    </button>
  );
}
