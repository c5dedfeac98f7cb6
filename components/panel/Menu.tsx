import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  /** A key that does the same from the list, shown beside the label. */
  shortcut?: string;
  danger?: boolean;
  testId?: string;
  run: () => void;
}

interface MenuProps {
  label: string;
  items: MenuItem[];
  onClose: () => void;
  className?: string;
}

/**
 * A small menu inside the panel's shadow root (no portal to the page): focus
 * moves to its first item, arrows move, Enter or a click runs an item, Escape
 * or leaving it closes it.
 */
export function Menu({ label, items, onClose, className }: MenuProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);
  const buttons = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (event: KeyboardEvent) => {
    const all = buttons();
    const at = all.indexOf(event.target as HTMLButtonElement);
    if (event.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
    else if (event.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
    else if (event.key === 'Home') all[0]?.focus();
    else if (event.key === 'End') all[all.length - 1]?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={root}
      role="menu"
      aria-label={label}
      className={`ia-menu ${className ?? ''}`}
      data-testid="ia-menu"
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) onClose();
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.danger ? 'ia-menu-danger' : undefined}
          data-testid={item.testId}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd>{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
