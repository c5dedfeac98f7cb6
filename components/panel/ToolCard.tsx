import { getToolName, type ToolUIPart, type DynamicToolUIPart } from 'ai';
import { summarizeToolResult } from '../../lib/chat/tool-summary';

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
  const summary =
    state === 'output-available' ? summarizeToolResult(name, part.output) : state === 'output-error' ? cleanError(part.errorText) : '';
  return (
    <details className="ia-tool" data-testid="ia-tool-card" data-tool={name} data-state={state}>
      <summary>
        <span className="ia-tool-name">{name.replace(/_/g, ' ')}</span>
        {summary && (
          <span className="ia-tool-summary" title={summary} data-testid="ia-tool-summary">
            {summary}
          </span>
        )}
        <span className={`ia-tool-state ia-tool-${state}`}>{STATE_LABEL[state] ?? state}</span>
      </summary>
      {'input' in part && part.input !== undefined && (
        <pre className="ia-tool-io" aria-label="Input">{JSON.stringify(part.input, null, 2)}</pre>
      )}
      {state === 'output-available' && (
        <pre className="ia-tool-io" aria-label="Output">{truncate(JSON.stringify(part.output, null, 2))}</pre>
      )}
      {state === 'output-error' && <p className="ia-tool-error">{cleanError(part.errorText)}</p>}
    </details>
  );
}

/** Tool errors arrive stringified ("Error: …"); the prefix says nothing to a user. */
function cleanError(text: string | undefined): string {
  // A stored part from elsewhere (an import, an older version) may lack the text: never fail the thread for it.
  if (!text) return '';
  return text.replace(/^(\w*Error):\s*/, '').split('\n')[0] ?? '';
}

function truncate(text: string, limit = 4000): string {
  return text.length > limit ? `${text.slice(0, limit)}\n…` : text;
}
