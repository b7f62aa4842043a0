// The open post's menu: duplicate it, rename its slug (moves the bundle folder), delete it (to
// the trash, with undo). A menu button: arrows move, Escape closes and gives focus back.
import { useMenuPopup } from './use-menu-popup';
import { moveFocus } from './roving-focus';

interface Props {
  disabled: boolean;
  onDuplicate(): void;
  onRename(): void;
  onDelete(): void;
}

export function PostActions({ disabled, onDuplicate, onRename, onDelete }: Props) {
  const { open, setOpen, button, menu } = useMenuPopup();

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const item = (label: string, run: () => void, danger = false) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={danger ? 'menu-item danger' : 'menu-item'}
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      {label}
    </button>
  );

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        className="icon-button"
        aria-label="Post actions"
        title="Duplicate, rename or delete this post"
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
          <circle cx="3" cy="8" r="1.4" />
          <circle cx="8" cy="8" r="1.4" />
          <circle cx="13" cy="8" r="1.4" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label="Post actions"
          className="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Tab') {
              e.preventDefault();
              close();
            } else moveFocus(e, '[role="menuitem"]', { prev: 'ArrowUp', next: 'ArrowDown' });
          }}
        >
          {item('Duplicate', onDuplicate)}
          {item('Rename slug…', onRename)}
          {item('Delete…', onDelete, true)}
        </div>
      )}
    </div>
  );
}
