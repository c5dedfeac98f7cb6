import { useEffect, useRef } from 'react';
import { useStableCallback } from '../hooks/useStableCallback';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useHistoryView, type HistoryViewOptions } from '../hooks/useHistoryView';
import { HistoryRow, historyOptionId } from './HistoryRow';
import { Menu } from './Menu';
import { MoreIcon, SearchIcon } from './icons';

// Rows have fixed heights (panel.css sets the same), so the list lays out without measuring the DOM.
const DAY_HEIGHT = 30;
const ROW_HEIGHT = 40;
const HIT_HEIGHT = 78;
/** Load the next page when the last rendered row is this close to the end. */
const LOAD_AHEAD = 15;

/**
 * History: a search box and the conversations, newest first by day (or the
 * ranked search results), in a virtualised list so 10,000 conversations cost
 * what a screenful does. The search box keeps the focus while the arrow keys
 * move the active row (a combobox over a listbox); the list can take the
 * focus too (Tab), where Delete and Home/End also work.
 */
export function HistoryView(props: HistoryViewOptions) {
  const view = useHistoryView(props);
  // One identity each for the rows' whole life: the memoised rows then re-render only when their own props change.
  const onMenu = useStableCallback((id: string | null) => view.setMenu(id ? { kind: 'row', id } : null));
  const onOpen = useStableCallback(view.open);
  const onHover = useStableCallback(view.setActiveId);
  const onStartRename = useStableCallback(view.startRename);
  const onRename = useStableCallback(view.rename);
  const onCancelRename = useStableCallback(view.cancelRename);
  const onDelete = useStableCallback(view.remove);
  const onExport = useStableCallback(view.exportOne);
  const scroller = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Where the keyboard was before a rename or a menu took the focus, to give it back after.
  const focusHome = useRef<'search' | 'list'>('search');

  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const row = view.rows[index];
      return row?.kind === 'day' ? DAY_HEIGHT : row?.item.snippet ? HIT_HEIGHT : ROW_HEIGHT;
    },
    getItemKey: (index) => view.rows[index]?.key ?? index,
    overscan: 8,
  });
  const virtualRows = virtualizer.getVirtualItems();

  useEffect(() => {
    if (props.open) searchBox.current?.focus();
  }, [props.open]);

  // Keyboard moves scroll the active row into view (the day header above the first row too).
  useEffect(() => {
    if (view.scrollToken === 0 || view.activeIndex < 0) return;
    const first = view.rows.findIndex((r) => r.kind === 'item') === view.activeIndex;
    virtualizer.scrollToIndex(first ? 0 : view.activeIndex, { align: 'auto' });
  }, [view.scrollToken]); // eslint-disable-line react-hooks/exhaustive-deps

  // A new search starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [view.query]);

  // Near the end of what is loaded: the next page.
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (view.hasMore && view.loaded && lastIndex >= view.rows.length - LOAD_AHEAD) void view.loadMore();
  }, [lastIndex, view.rows.length, view.hasMore, view.loaded]); // eslint-disable-line react-hooks/exhaustive-deps

  // After a rename or a menu, the focus goes back where the keyboard was.
  const busyElsewhere = view.renamingId !== null || view.menu !== null;
  useEffect(() => {
    if (busyElsewhere || !props.open) return;
    (focusHome.current === 'list' ? listBox.current : searchBox.current)?.focus({ preventScroll: true });
  }, [busyElsewhere]); // eslint-disable-line react-hooks/exhaustive-deps

  const activeDescendant = view.activeId && view.activeIndex >= 0 ? historyOptionId(view.activeId) : undefined;
  const empty = view.rows.length === 0;
  const status = view.error
    ? view.error
    : view.searching
      ? view.answered && !view.pending && empty
        ? `No conversations match “${view.query.trim()}”`
        : ''
      : view.loaded && empty
        ? 'No conversations yet. Ask something and it will be here.'
        : '';

  return (
    <section id="ia-history" className="ia-history" aria-label="History" data-testid="ia-history" hidden={!props.open}>
      <div className="ia-history-bar">
        <label className="ia-history-search">
          <SearchIcon />
          <input
            ref={searchBox}
            type="search"
            role="combobox"
            aria-label="Search conversations"
            aria-expanded="true"
            aria-controls="ia-history-list"
            aria-autocomplete="list"
            aria-activedescendant={activeDescendant}
            placeholder="Search conversations"
            data-testid="ia-history-search"
            value={view.query}
            onFocus={() => (focusHome.current = 'search')}
            onChange={(event) => view.setQuery(event.target.value)}
            onKeyDown={(event) => view.onKeyDown(event, 'search')}
          />
        </label>
        <div className="ia-history-actions">
          <button
            type="button"
            className="ia-icon-button"
            aria-label="Export or import history"
            aria-haspopup="menu"
            aria-expanded={view.menu?.kind === 'header'}
            title="Export or import"
            data-testid="ia-history-menu"
            onClick={() => view.setMenu(view.menu?.kind === 'header' ? null : { kind: 'header' })}
          >
            <MoreIcon />
          </button>
          {view.menu?.kind === 'header' && (
            <Menu
              label="Export or import history"
              className="ia-header-menu"
              onClose={() => view.setMenu(null)}
              items={[
                { label: 'Export all history (JSON)', testId: 'ia-menu-export-all', run: () => void view.exportAll() },
                { label: 'Import history (JSON)…', testId: 'ia-menu-import', run: () => fileInput.current?.click() },
              ]}
            />
          )}
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="ia-history-import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void view.importFile(file);
            }}
          />
        </div>
      </div>
      <div ref={scroller} className="ia-history-scroll" data-pending={view.pending || undefined}>
        <div
          ref={listBox}
          id="ia-history-list"
          role="listbox"
          tabIndex={0}
          aria-label={view.searching ? 'Search results' : 'Conversations'}
          aria-activedescendant={activeDescendant}
          className="ia-history-list"
          data-testid="ia-history-list"
          data-mode={view.searching ? 'search' : 'list'}
          style={{ height: virtualizer.getTotalSize() }}
          onFocus={(event) => {
            if (event.target === listBox.current) focusHome.current = 'list';
          }}
          onKeyDown={(event) => {
            if (event.target === listBox.current) view.onKeyDown(event, 'list');
          }}
        >
          {virtualRows.map((virtual) => {
            const row = view.rows[virtual.index]!;
            return (
              <div key={virtual.key} data-index={virtual.index} className="ia-history-slot" style={{ height: virtual.size, transform: `translateY(${virtual.start}px)` }}>
                {row.kind === 'day' ? (
                  <div className="ia-history-day" role="presentation" data-testid="ia-history-day">
                    {row.label}
                  </div>
                ) : (
                  <HistoryRow
                    entry={row.item}
                    active={row.key === view.activeId}
                    current={row.key === props.currentId}
                    renaming={row.key === view.renamingId}
                    menuOpen={view.menu?.kind === 'row' && view.menu.id === row.key}
                    onOpen={onOpen}
                    onHover={onHover}
                    onMenu={onMenu}
                    onStartRename={onStartRename}
                    onRename={onRename}
                    onCancelRename={onCancelRename}
                    onDelete={onDelete}
                    onExport={onExport}
                  />
                )}
              </div>
            );
          })}
        </div>
        {status && (
          <p className="ia-history-status" data-testid="ia-history-status">
            {status}
          </p>
        )}
      </div>
      <p className="ia-history-hint" aria-hidden="true">
        ↑↓ move · Enter open · F2 rename · Del delete · Esc close
      </p>
    </section>
  );
}
