import { getToolName, type ToolUIPart, type DynamicToolUIPart } from 'ai';

const STATE_LABEL: Record<string, string> = {
  'input-streaming': 'Preparing',
  'input-available': 'Running',
  'approval-requested': 'Waiting for approval',
  'approval-responded': 'Approved',
  'output-available': 'Done',
  'output-error': 'Failed',
  'output-denied': 'Denied',
};

/** A compact card for one tool call: name, status, and the input and output when expanded. */
export function ToolCard({ part }: { part: ToolUIPart | DynamicToolUIPart }) {
  const name = getToolName(part);
  const state = part.state;
  return (
    <details className="ia-tool" data-testid="ia-tool-card" data-tool={name} data-state={state}>
      <summary>
        <span className="ia-tool-name">{name.replace(/_/g, ' ')}</span>
        <span className={`ia-tool-state ia-tool-${state}`}>{STATE_LABEL[state] ?? state}</span>
      </summary>
      {'input' in part && part.input !== undefined && (
        <pre className="ia-tool-io" aria-label="Input">{JSON.stringify(part.input, null, 2)}</pre>
      )}
      {state === 'output-available' && (
        <pre className="ia-tool-io" aria-label="Output">{truncate(JSON.stringify(part.output, null, 2))}</pre>
      )}
      {state === 'output-error' && <p className="ia-tool-error">{part.errorText}</p>}
    </details>
  );
}

function truncate(text: string, limit = 4000): string {
  return text.length > limit ? `${text.slice(0, limit)}\n…` : text;
}
