import { memo, useEffect, useRef, useState } from 'react';
import type { HistoryEntry } from '../hooks/useHistoryView';
import type { ExportFormat } from '../../lib/history/transfer';
import { rowTime } from '../../lib/history/day-groups';
import { Highlighted } from './Highlighted';
import { Menu } from './Menu';
import { MoreIcon } from './icons';

interface HistoryRowProps {
  entry: HistoryEntry;
  active: boolean;
  current: boolean;
  renaming: boolean;
  menuOpen: boolean;
  onOpen: (id: string) => void;
  onHover: (id: string) => void;
  onMenu: (id: string | null) => void;
  onStartRename: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onCancelRename: () => void;
  onDelete: (id: string) => void;
  onExport: (id: string, format: ExportFormat) => void;
}

export const historyOptionId = (id: string) => `ia-history-option-${id}`;

/** One conversation in History: its title (matches marked), when, and when searching the best matching message. */
export const HistoryRow = memo(function HistoryRow(props: HistoryRowProps) {
  const { entry, active, current, renaming, menuOpen } = props;
  const { conversation, titleHighlights, snippet } = entry;
  const id = conversation.id;
  return (
    <>
      <div
        role="option"
        id={historyOptionId(id)}
        aria-selected={active}
        aria-current={current ? 'true' : undefined}
        className="ia-history-item"
        data-testid="ia-history-item"
        data-id={id}
        onClick={() => !renaming && props.onOpen(id)}
        onMouseMove={() => !active && props.onHover(id)}
      >
        <div className="ia-history-line">
          {renaming ? (
            <RenameInput title={conversation.title} onDone={(title) => props.onRename(id, title)} onCancel={props.onCancelRename} />
          ) : (
            <span className="ia-history-title" data-testid="ia-history-title">
              <Highlighted text={conversation.title} ranges={titleHighlights} />
            </span>
          )}
          <time className="ia-history-time" dateTime={new Date(conversation.updatedAt).toISOString()}>
            {rowTime(conversation.listedAt ?? conversation.updatedAt, Date.now())}
          </time>
          <button
            type="button"
            className="ia-history-more"
            tabIndex={-1}
            aria-label={`Actions for ${conversation.title}`}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            data-testid="ia-history-more"
            onClick={(event) => {
              event.stopPropagation();
              props.onMenu(menuOpen ? null : id);
            }}
          >
            <MoreIcon />
          </button>
        </div>
        {snippet && (
          <div className="ia-history-snippet" data-testid="ia-history-snippet">
            <span className="ia-history-role">{snippet.role === 'user' ? 'You' : 'Assistant'}:</span> <Highlighted text={snippet.text} ranges={snippet.highlights} />
          </div>
        )}
      </div>
      {/* Beside the option, not in it: a menu is not part of the option, and the row clips what overflows it. */}
      {menuOpen && (
        <Menu
          label={`Actions for ${conversation.title}`}
          className="ia-row-menu"
          onClose={() => props.onMenu(null)}
          items={[
            { label: 'Rename', shortcut: 'F2', testId: 'ia-menu-rename', run: () => props.onStartRename(id) },
            { label: 'Export as Markdown', testId: 'ia-menu-export-markdown', run: () => props.onExport(id, 'markdown') },
            { label: 'Export as JSON', testId: 'ia-menu-export-json', run: () => props.onExport(id, 'json') },
            { label: 'Delete', shortcut: 'Del', danger: true, testId: 'ia-menu-delete', run: () => props.onDelete(id) },
          ]}
        />
      )}
    </>
  );
});

/** The title, editable in place: Enter or leaving saves, Escape cancels. */
function RenameInput({ title, onDone, onCancel }: { title: string; onDone: (title: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save) onDone(value);
    else onCancel();
  };
  return (
    <input
      ref={input}
      className="ia-history-rename"
      data-testid="ia-history-rename"
      aria-label="Conversation title"
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
