import { memo, useMemo, useState } from 'react';
import { isToolUIPart, type UIMessage } from 'ai';
import { ToolCard } from './ToolCard';
import { Markdown, type Navigate } from './Markdown';
import { hasContent } from '../../lib/chat/message-content';
import { navigateInPage } from '../../lib/page/navigate-in-page';
import { useStableCallback } from '../hooks/useStableCallback';
import { MessageActions } from './MessageActions';
import { EditMessage } from './EditMessage';
import { textOf } from '../../lib/db/conversation-store';
import { ApprovalCard, isApprovalRequest, type ApprovalResponder } from './ApprovalCard';
import { useThreadScroll } from '../hooks/useThreadScroll';
import { useThreadWindow } from '../hooks/useThreadWindow';
import { answerUsageOf } from '../../lib/budget/answer-usage';

interface ThreadProps {
  /** The conversation shown: its scroll position is remembered per tab. */
  conversationId?: string;
  messages: UIMessage[];
  status: string;
  /** An answer is being written: no regenerating or editing until it is done. */
  busy?: boolean;
  onRegenerate?: () => void;
  onEdit?: (messageId: string, text: string) => void;
  /** Questions offered on the welcome screen; clicking one asks it. */
  suggestions?: string[];
  onSuggestion?: (text: string) => void;
  /** A same-origin link in an answer was clicked. Defaults to in-app navigation on this page. */
  onNavigate?: Navigate;
  /** Answers an approval card (Build mode's changes wait for one). */
  onApproval?: ApprovalResponder;
}

/** The panel runs in the content script, on the page itself: navigate the way the user would. */
function navigateHere(path: string): void {
  // navigateInPage falls back to a full load by itself; it only rejects a path off this origin.
  navigateInPage(path).catch(() => undefined);
}

export function Thread({
  conversationId,
  messages,
  status,
  busy = false,
  onRegenerate,
  onEdit,
  suggestions = [],
  onSuggestion,
  onNavigate = navigateHere,
  onApproval,
}: ThreadProps) {
  // One identity for the thread's life, so the memoised messages do not re-render for it.
  const navigate = useStableCallback(onNavigate);
  const regenerate = useStableCallback(() => onRegenerate?.());
  const edit = useStableCallback((id: string, text: string) => onEdit?.(id, text));
  const approve = useStableCallback<Parameters<ApprovalResponder>, void>((...args) => onApproval?.(...args));
  const last = messages.at(-1);
  // What changes as the last message grows, cheaply: never serialise a part (a tool result can be large).
  const lastPart = last?.parts.at(-1);
  const lastGrowth = `${last?.parts.length ?? 0}:${lastPart?.type === 'text' ? lastPart.text.length : lastPart && 'state' in lastPart ? lastPart.state : ''}:${status}`;
  const scroll = useThreadScroll(conversationId, messages.length, lastGrowth, last?.role === 'user');
  const shown = useMemo(() => messages.filter(hasContent), [messages]);
  const visible = useThreadWindow(conversationId, shown, scroll.ref);

  if (messages.length === 0) {
    return (
      <div className="ia-thread ia-welcome" data-testid="ia-welcome">
        <h2>How can I help with your infrastructure?</h2>
        <p>Ask about this page, your stacks and runs, or Spacelift itself.</p>
        {onSuggestion && suggestions.length > 0 && (
          <ul className="ia-suggestions" aria-label="Suggestions">
            {suggestions.map((suggestion) => (
              <li key={suggestion}>
                <button type="button" data-testid="ia-suggestion" disabled={busy} onClick={() => onSuggestion(suggestion)}>
                  {suggestion}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="ia-thread" role="log" aria-label="Conversation" data-testid="ia-thread" data-status={status} ref={scroll.ref} onScroll={scroll.onScroll} tabIndex={0}>
      <div className="ia-thread-content" ref={scroll.contentRef}>
        {visible.start > 0 && (
          // Added by themselves as the reader nears the top; the button is for keyboards and screen readers.
          <button type="button" ref={visible.moreRef} className="ia-thread-more" data-testid="ia-thread-more" onClick={visible.showEarlier}>
            Show {visible.start} earlier message{visible.start === 1 ? '' : 's'}
          </button>
        )}
        {shown.slice(visible.start).map((message, offset) => (
          <MessageView
            key={message.id}
            message={message}
            onNavigate={navigate}
            onRegenerate={!busy && onRegenerate && message.role === 'assistant' && visible.start + offset === shown.length - 1 ? regenerate : undefined}
            onEdit={!busy && onEdit && message.role === 'user' ? edit : undefined}
            onApproval={onApproval ? approve : undefined}
          />
        ))}
        {status === 'submitted' && (
          <div className="ia-thinking" role="status">
            Thinking…
          </div>
        )}
      </div>
    </div>
  );
}

interface MessageViewProps {
  message: UIMessage;
  onNavigate: Navigate;
  onRegenerate?: () => void;
  onEdit?: (messageId: string, text: string) => void;
  onApproval?: ApprovalResponder;
}

// Memoised on the message object: useChat replaces only the message that changed,
// so a streaming answer does not re-render the rest of the thread.
const MessageView = memo(function MessageView({ message, onNavigate, onRegenerate, onEdit, onApproval }: MessageViewProps) {
  const [editing, setEditing] = useState(false);
  const text = textOf(message);
  if (editing && onEdit) {
    return (
      <div className="ia-message ia-user ia-editing" data-testid="ia-message-editing" data-message-id={message.id}>
        <EditMessage
          initial={text}
          onCancel={() => setEditing(false)}
          onSend={(edited) => {
            setEditing(false);
            onEdit(message.id, edited);
          }}
        />
      </div>
    );
  }
  return (
    <div className={`ia-message ia-${message.role}`} data-testid={`ia-message-${message.role}`} data-message-id={message.id}>
      {message.parts.map((part, index) => {
        if (part.type === 'text') {
          // The user's words as typed; the model's as markdown.
          if (message.role === 'user') {
            return (
              <div key={index} className="ia-text">
                {part.text}
              </div>
            );
          }
          return <Markdown key={index} text={part.text} streaming={part.state === 'streaming'} onNavigate={onNavigate} />;
        }
        if (isToolUIPart(part)) {
          return onApproval && isApprovalRequest(part) ? (
            <ApprovalCard key={part.toolCallId} part={part} onRespond={onApproval} />
          ) : (
            <ToolCard key={part.toolCallId} part={part} />
          );
        }
        return null;
      })}
      <MessageActions text={text} usage={message.role === 'assistant' ? answerUsageOf(message) : undefined} onRegenerate={onRegenerate} onEdit={onEdit ? () => setEditing(true) : undefined} />
    </div>
  );
});
