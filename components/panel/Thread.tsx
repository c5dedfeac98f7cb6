import { memo, useEffect, useRef } from 'react';
import { isToolUIPart, type UIMessage } from 'ai';
import { ToolCard } from './ToolCard';
import { hasContent } from '../../lib/chat/message-content';

interface ThreadProps {
  messages: UIMessage[];
  status: string;
}

export function Thread({ messages, status }: ThreadProps) {
  const end = useRef<HTMLDivElement>(null);
  const last = messages.at(-1);
  const lastLength = last ? last.parts.length + JSON.stringify(last.parts.at(-1) ?? '').length : 0;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, lastLength]);

  if (messages.length === 0) {
    return (
      <div className="ia-thread ia-welcome" data-testid="ia-welcome">
        <h2>How can I help with your infrastructure?</h2>
        <p>Ask about this page, your stacks and runs, or Spacelift itself.</p>
      </div>
    );
  }
  return (
    <div className="ia-thread" role="log" aria-live="polite" data-testid="ia-thread" data-status={status}>
      {messages.filter(hasContent).map((message) => (
        <MessageView key={message.id} message={message} />
      ))}
      {status === 'submitted' && <div className="ia-thinking" aria-label="Thinking">Thinking…</div>}
      <div ref={end} />
    </div>
  );
}

// Memoised on the message object: useChat replaces only the message that changed,
// so a streaming answer does not re-render the rest of the thread.
const MessageView = memo(function MessageView({ message }: { message: UIMessage }) {
  return (
    <div className={`ia-message ia-${message.role}`} data-testid={`ia-message-${message.role}`} data-message-id={message.id}>
      {message.parts.map((part, index) => {
        if (part.type === 'text') {
          return (
            <div key={index} className="ia-text">
              {part.text}
            </div>
          );
        }
        if (isToolUIPart(part)) return <ToolCard key={part.toolCallId} part={part} />;
        return null;
      })}
    </div>
  );
});
