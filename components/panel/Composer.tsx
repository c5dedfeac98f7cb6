import { useEffect, useRef, useState } from 'react';

interface ComposerProps {
  open: boolean;
  focusToken: number;
  busy: boolean;
  disabledReason?: string;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** Multi-line input: Enter sends, Shift+Enter starts a new line. */
export function Composer({ open, focusToken, busy, disabledReason, onSend, onStop }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open, focusToken]);

  const submit = () => {
    if (disabledReason || busy || !draft.trim()) return;
    onSend(draft);
    setDraft('');
  };

  return (
    <form
      className="ia-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {disabledReason && <p className="ia-composer-reason" data-testid="ia-composer-reason">{disabledReason}</p>}
      <textarea
        ref={input}
        data-testid="ia-composer"
        aria-label="Message Infra Assistant"
        placeholder="Ask about this page, your stacks, runs…"
        rows={2}
        value={draft}
        disabled={!!disabledReason}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {busy ? (
        <button type="button" className="ia-send" onClick={onStop} data-testid="ia-stop">Stop</button>
      ) : (
        <button type="submit" className="ia-send" disabled={!!disabledReason || !draft.trim()} data-testid="ia-send">Send</button>
      )}
    </form>
  );
}
