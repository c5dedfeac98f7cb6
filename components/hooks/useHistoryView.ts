import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../lib/db/conversation-store';
import type { HistorySnippet } from '../../lib/history/search';
import type { HighlightRange } from '../../lib/history/snippet';
import type { HistoryEvents } from '../../lib/history/history-events';
import type { ExportFormat } from '../../lib/history/transfer';
import { MAX_IMPORT_BYTES } from '../../lib/history/limits';
import { groupByDay, type HistoryRow } from '../../lib/history/day-groups';
import { requestBackground } from '../../lib/messaging/requests';
import { uploadHistoryFile } from '../../lib/history/upload';
import { useHistoryList } from './useHistoryList';
import { useHistorySearch } from './useHistorySearch';
import type { ToastContent } from './useToast';

/** One row's conversation, with what matched when searching. */
export interface HistoryEntry {
  conversation: ConversationSummary;
  titleHighlights: HighlightRange[];
  snippet: HistorySnippet | null;
}

export interface HistoryViewOptions {
  events: HistoryEvents;
  /** History is showing. */
  open: boolean;
  /** The panel is open: the first page is fetched (and kept current) already, so History opens on it. */
  panelOpen: boolean;
  /** The conversation the panel shows now. */
  currentId: string;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** The conversation shown was deleted: the panel moves to a new one. */
  onDeletedCurrent: () => void;
  notify: (toast: ToastContent) => void;
}

/** A menu open on a row (its conversation id) or on History's own header. */
export type OpenMenu = { kind: 'row'; id: string } | { kind: 'header' } | null;

const PAGE_JUMP = 10;

/**
 * Everything History does, for HistoryView to lay out: the list (paged, by
 * day) or the search results (ranked, highlighted), the active row and the
 * keys that move it, inline rename, delete with undo, export and import.
 */
export function useHistoryView(options: HistoryViewOptions) {
  const { events, open, panelOpen, currentId, onOpen, onClose, onDeletedCurrent, notify } = options;
  const [query, setQuery] = useState('');
  const list = useHistoryList(events, panelOpen || open);
  const search = useHistorySearch(query, events, open);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [menu, setMenu] = useState<OpenMenu>(null);
  // Bumped when the keyboard moves the active row, so the view scrolls to it (not when the mouse does).
  const [scrollToken, setScrollToken] = useState(0);

  // Fresh data from the background replaces local edits.
  useEffect(() => setTitles((prev) => (prev.size ? new Map() : prev)), [list.items, search.hits]);
  useEffect(() => {
    if (!open) {
      setQuery('');
      setRenamingId(null);
      setMenu(null);
    }
  }, [open]);

  const rows: HistoryRow<HistoryEntry>[] = useMemo(() => {
    const shown = (c: ConversationSummary) => !hidden.has(c.id);
    const retitled = (entry: HistoryEntry): HistoryEntry => {
      const title = titles.get(entry.conversation.id);
      return title === undefined ? entry : { ...entry, conversation: { ...entry.conversation, title }, titleHighlights: [] };
    };
    if (search.searching) {
      return search.hits
        .filter((hit) => shown(hit.conversation))
        .map((hit) => ({ kind: 'item' as const, key: hit.conversation.id, item: retitled(hit), day: '' }));
    }
    const entries = list.items.filter(shown).map((conversation) => retitled({ conversation, titleHighlights: [], snippet: null }));
    return groupByDay(entries, (e) => e.conversation.listedAt ?? e.conversation.updatedAt, (e) => e.conversation.id, Date.now());
  }, [search.searching, search.hits, list.items, hidden, titles]);

  const itemIndexes = useMemo(() => rows.flatMap((row, index) => (row.kind === 'item' ? [index] : [])), [rows]);
  const entryOf = useCallback(
    (id: string | null) => {
      const row = rows.find((r) => r.kind === 'item' && r.key === id);
      return row?.kind === 'item' ? row.item : undefined;
    },
    [rows],
  );

  // The active row is one that exists: the first one when the rows change under it.
  const chosenIndex = rows.findIndex((r) => r.kind === 'item' && r.key === activeId);
  const activeIndex = chosenIndex >= 0 ? chosenIndex : (itemIndexes[0] ?? -1);
  const activeKey = activeIndex >= 0 ? rows[activeIndex]!.key : null;

  const move = useCallback(
    (delta: number) => {
      if (itemIndexes.length === 0) return;
      const at = itemIndexes.indexOf(activeIndex);
      const next = Math.max(0, Math.min(itemIndexes.length - 1, at < 0 ? 0 : at + delta));
      setActiveId(rows[itemIndexes[next]!]!.key);
      setScrollToken((t) => t + 1);
      if (next >= itemIndexes.length - PAGE_JUMP && !search.searching && list.hasMore) void list.loadMore();
    },
    [itemIndexes, activeIndex, rows, search.searching, list],
  );

  const openConversation = useCallback((id: string) => onOpen(id), [onOpen]);

  const rename = useCallback(
    async (id: string, title: string) => {
      setRenamingId(null);
      const entry = entryOf(id);
      const clean = title.replace(/\s+/g, ' ').trim();
      if (!entry || !clean || clean === entry.conversation.title) return;
      setTitles((prev) => new Map(prev).set(id, clean));
      try {
        await requestBackground('history.rename', { id, title: clean });
        list.patch(id, (c) => ({ ...c, title: clean, titleSource: 'user' }));
      } catch (error) {
        setTitles((prev) => {
          const next = new Map(prev);
          next.delete(id);
          return next;
        });
        notify({ tone: 'error', message: `Could not rename: ${messageOf(error)}` });
      }
    },
    [entryOf, list, notify],
  );

  const setHiddenId = (id: string, hide: boolean) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (hide) next.add(id);
      else next.delete(id);
      return next;
    });

  const remove = useCallback(
    async (id: string) => {
      const entry = entryOf(id);
      if (!entry) return;
      // The row below takes the focus.
      const at = itemIndexes.indexOf(rows.findIndex((r) => r.key === id));
      const following = rows[itemIndexes[at + 1] ?? itemIndexes[at - 1] ?? -1];
      setHiddenId(id, true);
      if (following) setActiveId(following.key);
      try {
        await requestBackground('history.delete', { id });
      } catch (error) {
        setHiddenId(id, false);
        notify({ tone: 'error', message: `Could not delete: ${messageOf(error)}` });
        return;
      }
      if (id === currentId) onDeletedCurrent();
      notify({
        message: `Deleted “${entry.conversation.title}”`,
        action: {
          label: 'Undo',
          run: () => {
            void requestBackground('history.restore', { id }).then(
              () => {
                setHiddenId(id, false);
                setActiveId(id);
                void list.refresh();
                notify({ message: `Restored “${entry.conversation.title}”` });
              },
              (error: unknown) => notify({ tone: 'error', message: `Could not restore: ${messageOf(error)}` }),
            );
          },
        },
      });
    },
    [entryOf, itemIndexes, rows, currentId, onDeletedCurrent, notify, list],
  );

  const exportOne = useCallback(
    async (id: string, format: ExportFormat) => {
      try {
        const { filename } = await requestBackground('history.exportConversation', { id, format });
        notify({ message: `Saved ${filename} to your downloads` });
      } catch (error) {
        notify({ tone: 'error', message: `Could not export: ${messageOf(error)}` });
      }
    },
    [notify],
  );

  const exportAll = useCallback(async () => {
    try {
      const { filename, conversations } = await requestBackground('history.exportAll', undefined);
      notify({ message: `Saved ${conversations} conversation${conversations === 1 ? '' : 's'} to ${filename}` });
    } catch (error) {
      notify({ tone: 'error', message: `Could not export: ${messageOf(error)}` });
    }
  }, [notify]);

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_IMPORT_BYTES) {
        notify({ tone: 'error', message: `${file.name} is too large to import (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB)` });
        return;
      }
      try {
        const result = await uploadHistoryFile(await file.text(), (part) => requestBackground('history.import', part));
        const parts = [`${result.added} new`, ...(result.updated ? [`${result.updated} updated`] : []), ...(result.unchanged ? [`${result.unchanged} already here`] : [])];
        notify({ message: `Imported ${result.total} conversation${result.total === 1 ? '' : 's'}: ${parts.join(', ')}` });
        void list.refresh();
      } catch (error) {
        notify({ tone: 'error', message: `Could not import ${file.name}: ${messageOf(error)}` });
      }
    },
    [notify, list],
  );

  /** Keys on the search box (`search`) and on the list itself (`list`). */
  const onKeyDown = useCallback(
    (event: KeyboardEvent, from: 'search' | 'list') => {
      if (event.nativeEvent.isComposing) return;
      const key = event.key;
      if (key === 'ArrowDown') move(1);
      else if (key === 'ArrowUp') move(-1);
      else if (key === 'PageDown') move(PAGE_JUMP);
      else if (key === 'PageUp') move(-PAGE_JUMP);
      else if (key === 'Home' && from === 'list') move(-Infinity);
      else if (key === 'End' && from === 'list') move(Infinity);
      else if (key === 'Enter' && activeKey) openConversation(activeKey);
      else if (key === 'F2' && activeKey) setRenamingId(activeKey);
      // In the search box, Delete edits the query unless there is none.
      else if (key === 'Delete' && (from === 'list' || !query) && activeKey) void remove(activeKey);
      else if ((key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) && activeKey) setMenu({ kind: 'row', id: activeKey });
      else if (key === 'Escape') {
        if (query) setQuery('');
        else onClose();
      } else return;
      event.preventDefault();
      event.stopPropagation();
    },
    [move, activeKey, openConversation, remove, query, onClose],
  );

  return {
    query,
    setQuery,
    rows,
    activeId: activeKey,
    activeIndex,
    setActiveId,
    scrollToken,
    renamingId,
    startRename: setRenamingId,
    cancelRename: () => setRenamingId(null),
    rename,
    menu,
    setMenu,
    open: openConversation,
    remove,
    exportOne,
    exportAll,
    importFile,
    onKeyDown,
    searching: search.searching,
    pending: search.pending,
    answered: search.answered,
    error: search.error ?? list.error,
    loaded: list.loaded,
    hasMore: !search.searching && list.hasMore,
    loadMore: list.loadMore,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
