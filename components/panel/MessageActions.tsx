import { useCopyToClipboard } from '../hooks/useCopyToClipboard';
import type { AnswerUsage } from '../../lib/budget/answer-usage';
import { AnswerUsageLabel } from './AnswerUsageLabel';

interface MessageActionsProps {
  text: string;
  /** An answer's tokens and cost. */
  usage?: AnswerUsage;
  onRegenerate?: () => void;
  onEdit?: () => void;
}

/** Small actions under a message: copy it, regenerate the last answer, edit a question. */
export function MessageActions({ text, usage, onRegenerate, onEdit }: MessageActionsProps) {
  const { state, copy } = useCopyToClipboard();
  return (
    // The latest answer's actions (and its cost) stay in view; older messages show theirs on hover or focus.
    <div className="ia-message-actions" role="toolbar" aria-label="Message actions" data-latest={onRegenerate ? '' : undefined}>
      {text && (
        <button type="button" onClick={() => void copy(text)} data-testid="ia-copy-message">
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      )}
      {onEdit && (
        <button type="button" onClick={onEdit} data-testid="ia-edit-message">
          Edit
        </button>
      )}
      {onRegenerate && (
        <button type="button" onClick={onRegenerate} data-testid="ia-regenerate">
          Regenerate
        </button>
      )}
      {usage && <AnswerUsageLabel usage={usage} />}
    </div>
  );
}
