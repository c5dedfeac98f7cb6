import { useEffect, useRef, useState } from 'react';

interface EditMessageProps {
  initial: string;
  onSend: (text: string) => void;
  onCancel: () => void;
}

/** Edit a question in place; sending it drops everything after it and asks again. */
export function EditMessage({ initial, onSend, onCancel }: EditMessageProps) {
  const [draft, setDraft] = useState(initial);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const send = () => draft.trim() && onSend(draft);
  return (
    <form
      className="ia-edit"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        ref={input}
        aria-label="Edit your message"
        data-testid="ia-edit-input"
        value={draft}
        rows={3}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation(); // Escape cancels the edit, not the panel
            onCancel();
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div className="ia-edit-buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="ia-send" disabled={!draft.trim()} data-testid="ia-edit-send">Send</button>
      </div>
    </form>
  );
}
