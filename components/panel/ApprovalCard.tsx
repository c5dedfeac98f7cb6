import { useId, useState } from 'react';
import { getToolName, type DynamicToolUIPart, type ToolUIPart } from 'ai';
import { useGenuineActivation } from '../hooks/useGenuineActivation';

export type ApprovalResponder = (approvalId: string, approved: boolean, reason?: string) => void;

type ApprovalPart = (ToolUIPart | DynamicToolUIPart) & { state: 'approval-requested' };

export function isApprovalRequest(part: ToolUIPart | DynamicToolUIPart): part is ApprovalPart {
  return part.state === 'approval-requested';
}

const REFUSED: Record<string, string> = {
  untrusted: 'A script on this page tried to answer this approval. It was ignored: only your own click counts.',
  elsewhere: 'That click did not come from this card. It was ignored.',
  covered: 'Something on the page was covering this card, so the click was ignored. Try again.',
};

interface ApprovalCardProps {
  part: ApprovalPart;
  onRespond: ApprovalResponder;
  /** For tests: the clock the arming delay is measured with. */
  now?: () => number;
}

/**
 * A change the assistant wants to make, waiting for a person: what it would
 * run, and Approve / Deny (with an optional reason, which the model reads).
 * Only a genuine click on this card answers it (useGenuineActivation).
 */
export function ApprovalCard({ part, onRespond, now }: ApprovalCardProps) {
  const { guard, refused } = useGenuineActivation(now);
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const name = getToolName(part).replace(/_/g, ' ');
  const approvalId = part.approval.id;
  return (
    <section className="ia-approval" aria-label={`Approval needed: ${name}`} data-testid="ia-approval-card" data-tool={getToolName(part)}>
      <div className="ia-approval-head">
        <span className="ia-approval-badge">Approval needed</span>
        <span className="ia-tool-name">{name}</span>
      </div>
      {part.approval.requestReason && <p className="ia-approval-why">{part.approval.requestReason}</p>}
      {part.input !== undefined && (
        <pre className="ia-tool-io" aria-label="What will run">
          {JSON.stringify(part.input, null, 2)}
        </pre>
      )}
      {denying ? (
        <div className="ia-approval-deny">
          <label htmlFor={reasonId}>Why not? (optional, the assistant reads it)</label>
          <textarea id={reasonId} rows={2} value={reason} data-testid="ia-deny-reason" onChange={(event) => setReason(event.target.value)} />
          <div className="ia-approval-actions">
            <button type="button" className="ia-deny" data-testid="ia-deny-confirm" onClick={guard(() => onRespond(approvalId, false, reason.trim() || undefined))}>
              Deny
            </button>
            <button type="button" className="ia-secondary" onClick={() => setDenying(false)}>
              Back
            </button>
          </div>
        </div>
      ) : (
        <div className="ia-approval-actions">
          <button type="button" className="ia-approve" data-testid="ia-approve" onClick={guard(() => onRespond(approvalId, true))}>
            Approve
          </button>
          <button type="button" className="ia-secondary" data-testid="ia-deny" onClick={() => setDenying(true)}>
            Deny…
          </button>
        </div>
      )}
      {refused && (
        <p className="ia-approval-refused" role="alert" data-testid="ia-approval-refused">
          {REFUSED[refused]}
        </p>
      )}
    </section>
  );
}
