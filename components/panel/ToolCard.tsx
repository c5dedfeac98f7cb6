import { useState } from 'react';
import { getToolName, type ToolUIPart, type DynamicToolUIPart } from 'ai';
import { summarizeToolResult } from '../../lib/chat/tool-summary';
import { QUERY_RESULT_MODEL_CHARS } from '../../lib/tools/limits';
import { useCopyToClipboard } from '../hooks/useCopyToClipboard';

const STATE_LABEL: Record<string, string> = {
  'input-streaming': 'Preparing',
  'input-available': 'Running',
  'approval-requested': 'Waiting for approval',
  'approval-responded': 'Approved',
  'output-available': 'Done',
  'output-error': 'Failed',
  'output-denied': 'Denied',
};

/**
 * A compact card for one tool call: name, status and a one-line result; expanded, the whole input and
 * output (laid out only while open: a thread can hold many large results).
 */
export function ToolCard({ part }: { part: ToolUIPart | DynamicToolUIPart }) {
  const [open, setOpen] = useState(false);
  const name = getToolName(part);
  const state = part.state;
  const summary =
    state === 'output-available' ? summarizeToolResult(name, part.output) : state === 'output-error' ? cleanError(part.errorText) : '';
  return (
    <details className="ia-tool" data-testid="ia-tool-card" data-tool={name} data-state={state} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="ia-tool-name">{name.replace(/_/g, ' ')}</span>
        {summary && (
          <span className="ia-tool-summary" title={summary} data-testid="ia-tool-summary">
            {summary}
          </span>
        )}
        <span className={`ia-tool-state ia-tool-${state}`}>{STATE_LABEL[state] ?? state}</span>
      </summary>
      {open && 'input' in part && part.input !== undefined && (
        <pre className="ia-tool-io" aria-label="Input">{JSON.stringify(part.input, null, 2)}</pre>
      )}
      {open && state === 'output-available' && <ToolOutput name={name} output={part.output} />}
      {open && state === 'output-error' && <p className="ia-tool-error">{cleanError(part.errorText)}</p>}
    </details>
  );
}

/** The whole result, with a copy button, and a word when the model read a shortened copy of it. */
function ToolOutput({ name, output }: { name: string; output: unknown }) {
  const text = JSON.stringify(output, null, 2) ?? '';
  const { state, copy } = useCopyToClipboard();
  const shortenedForModel = name === 'query_graphql' && (JSON.stringify(output) ?? '').length > QUERY_RESULT_MODEL_CHARS;
  return (
    <div className="ia-tool-output">
      <div className="ia-tool-output-bar">
        {shortenedForModel && (
          <span className="ia-tool-note" data-testid="ia-tool-note">
            The assistant read a shortened copy of this result; all of it is here.
          </span>
        )}
        <button type="button" className="ia-tool-copy" data-testid="ia-tool-copy" onClick={() => void copy(text)}>
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy result'}
        </button>
      </div>
      <pre className="ia-tool-io" aria-label="Output" data-testid="ia-tool-output">
        {text}
      </pre>
    </div>
  );
}

/** Tool errors arrive stringified ("Error: …"); the prefix says nothing to a user. */
function cleanError(text: string | undefined): string {
  // A stored part from elsewhere (an import, an older version) may lack the text: never fail the thread for it.
  if (!text) return '';
  return text.replace(/^(\w*Error):\s*/, '').split('\n')[0] ?? '';
}
