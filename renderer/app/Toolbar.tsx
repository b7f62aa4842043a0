// Formatting buttons wired to the editor's commands. Buttons keep the editor's focus and
// selection (mousedown is not allowed to move focus); the toolbar is one Tab stop with arrows.
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorCommands } from '../editor/types';
import { LinkDialog } from './LinkDialog';
import { EDIT_LINK_EVENT } from '../editor/views/link-events';
import { moveFocus } from './roving-focus';
import { useMenuPopup } from './use-menu-popup';

interface Props {
  commands: EditorCommands | null;
  /** The post being edited, so a link to another post can be written relative to it. */
  postPath?: string | null;
  onAfterCommand(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

// Drawn, not the text "1.": a visible "1." that the name "Numbered list" does not contain
// breaks "label in name" for speech users.
const NUMBERED_ICON = (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true">
    <path d="M2.5 2.5h1v3.5" />
    <path d="M2 10h2l-2 3h2" />
    <path d="M7 4.5h7M7 11.5h7" />
  </svg>
);

interface Tool {
  name: string;
  label: ReactNode;
  shortcut?: string;
  run(c: EditorCommands): void;
}

const TOOLS: Tool[] = [
  { name: 'Bold', label: 'B', shortcut: `${mod}B`, run: (c) => c.toggleBold() },
  { name: 'Italic', label: 'I', shortcut: `${mod}I`, run: (c) => c.toggleItalic() },
  { name: 'Heading', label: 'H', run: (c) => c.setHeading(2) },
  { name: 'Bulleted list', label: '•', run: (c) => c.toggleBulletList() },
  { name: 'Numbered list', label: NUMBERED_ICON, run: (c) => c.toggleOrderedList() },
  { name: 'Quote', label: '❝', run: (c) => c.toggleBlockquote() },
  { name: 'Code', label: '</>', shortcut: `${mod}E`, run: (c) => c.toggleInlineCode() },
  { name: 'Code block', label: '{ }', run: (c) => c.insertCodeBlock() },
];

// Drawn inline: no icon font or emoji font may be assumed (nothing is loaded from the network).
const LINK_ICON = (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
    <path d="M6.5 9.5l3-3" />
    <path d="M7 4.5l1.2-1.2a2.8 2.8 0 014 4L11 8.5" />
    <path d="M9 11.5l-1.2 1.2a2.8 2.8 0 01-4-4L5 7.5" />
  </svg>
);

interface Entry {
  name: string;
  label: ReactNode;
  onClick(): void;
  shortcut?: string;
  /** A thin rule before it (between the formatting and the undo group). */
  gapBefore?: boolean;
}

// Memoized (EditorPane passes a stable onAfterCommand): status updates do not re-render it.
export const Toolbar = memo(function Toolbar({ commands, postPath = null, onAfterCommand }: Props) {
  const [linking, setLinking] = useState<{ text: string; href?: string; reference?: { label: string; uses: number } } | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const disabled = commands === null;
  const commandsRef = useRef(commands);
  commandsRef.current = commands;
  // In a link, Ctrl+K (and the link bubble's Edit) edits that link: its words and address.
  const startLink = () => {
    const href = commandsRef.current?.selectLink?.() ?? undefined;
    // A reference-style link: its address is on its `[ref]: …` line, maybe shared with other links.
    const reference = (href !== undefined && commandsRef.current?.linkReference?.()) || undefined;
    setLinking({ text: commandsRef.current?.selectedText?.() ?? '', href, reference });
  };
  const startLinkRef = useRef(startLink);
  startLinkRef.current = startLink;
  // Ctrl/Cmd+K, as the Link button's tooltip says, from anywhere in the post's text.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return;
      const target = e.target as Element | null;
      if (!commandsRef.current || !target?.closest?.('.ProseMirror')) return;
      e.preventDefault();
      startLinkRef.current();
    };
    const onEditLink = () => {
      if (commandsRef.current) startLinkRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(EDIT_LINK_EVENT, onEditLink);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(EDIT_LINK_EVENT, onEditLink);
    };
  }, []);
  // The caret goes back into the text once the Link dialog has closed: closing a modal dialog
  // gives the focus back to where it was before, which may be a toolbar button, not the text.
  const wasLinking = useRef(false);
  useEffect(() => {
    if (wasLinking.current && !linking) onAfterCommand();
    wasLinking.current = linking !== null;
  }, [linking, onAfterCommand]);
  const runTool = (tool: Tool) => () => {
    if (!commands) return;
    tool.run(commands);
    onAfterCommand();
  };
  const entries: Entry[] = [
    ...TOOLS.slice(0, 2).map((t) => ({ name: t.name, label: t.label, onClick: runTool(t), shortcut: t.shortcut })),
    { name: 'Link', label: LINK_ICON, onClick: startLink, shortcut: `${mod}K` },
    ...TOOLS.slice(2).map((t) => ({ name: t.name, label: t.label, onClick: runTool(t), shortcut: t.shortcut })),
    { name: 'Undo', label: '↶', onClick: () => commands && (commands.undo(), onAfterCommand()), shortcut: `${mod}Z`, gapBefore: true },
    { name: 'Redo', label: '↷', onClick: () => commands && (commands.redo(), onAfterCommand()), shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z' },
  ];
  const shown = useFittingCount(bar, entries.length);
  const button = (entry: Entry, i: number) => (
    <button
      key={entry.name}
      type="button"
      className={`tool tool-${entry.name.toLowerCase().replace(/\s+/g, '-')}`}
      aria-label={entry.name}
      title={entry.shortcut ? `${entry.name} (${entry.shortcut})` : entry.name}
      aria-keyshortcuts={entry.shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
      disabled={disabled}
      hidden={i >= shown}
      tabIndex={i === 0 ? 0 : -1}
      onMouseDown={(e) => e.preventDefault()}
      onClick={entry.onClick}
    >
      <span aria-hidden="true">{entry.label}</span>
    </button>
  );
  return (
    <div ref={bar} role="toolbar" aria-label="Formatting" className="toolbar" onKeyDown={(e) => moveFocus(e, 'button:not(:disabled):not([hidden])', { prev: 'ArrowLeft', next: 'ArrowRight' })}>
      {entries.map((entry, i) => [entry.gapBefore && i < shown ? <span key={`${entry.name}-gap`} className="toolbar-gap" /> : null, button(entry, i)])}
      {shown < entries.length && <OverflowMenu entries={entries.slice(shown)} disabled={disabled} />}
      {linking && (
        <LinkDialog
          initialText={linking.text}
          initialHref={linking.href}
          sharedBy={linking.reference?.uses}
          postPath={postPath}
          onCancel={() => setLinking(null)}
          onInsert={(href, text) => {
            if (linking.reference && commands?.setLinkReference) {
              const problem = commands.setLinkReference(href, text);
              if (problem) return problem;
            } else commands?.insertLink(href, text);
            setLinking(null);
          }}
        />
      )}
    </div>
  );
});

/** Width kept for the "More formatting" button when some tools do not fit. */
const MORE_WIDTH = 40;

/**
 * How many of the toolbar's buttons fit in its width (all of them on a wide window). Each
 * button's width is measured once while shown and remembered, so hiding one never changes
 * the sum; a ResizeObserver asks again when the window or a panel changes the room.
 */
function useFittingCount(bar: React.RefObject<HTMLDivElement | null>, count: number): number {
  const [shown, setShown] = useState(count);
  const widths = useRef<number[]>([]);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const measure = () => {
      const buttons = Array.from(el.querySelectorAll<HTMLElement>(':scope > button.tool'));
      buttons.forEach((b, i) => {
        if (!b.hidden && b.offsetWidth) widths.current[i] = b.offsetWidth + 2;
      });
      const room = el.clientWidth;
      const all = widths.current.slice(0, count).reduce((a, w) => a + (w ?? 34), 0) + 14;
      if (all <= room) return setShown(count);
      let used = MORE_WIDTH;
      let n = 0;
      while (n < count && used + (widths.current[n] ?? 34) <= room) used += widths.current[n++] ?? 34;
      setShown(n);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [bar, count]);
  return shown;
}

/** The tools that did not fit, as a menu: arrows move, Enter runs, Escape closes. */
function OverflowMenu({ entries, disabled }: { entries: Entry[]; disabled: boolean }) {
  const { open, setOpen, button, menu } = useMenuPopup();
  return (
    <div className="menu-wrap toolbar-more">
      <button
        ref={button}
        type="button"
        className="tool"
        aria-label="More formatting"
        title="More formatting"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        tabIndex={-1}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">»</span>
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label="More formatting"
          className="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Tab') {
              e.preventDefault();
              setOpen(false);
              button.current?.focus();
            } else moveFocus(e, '[role="menuitem"]', { prev: 'ArrowUp', next: 'ArrowDown' });
          }}
        >
          {entries.map((entry) => (
            <button
              key={entry.name}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setOpen(false);
                entry.onClick();
              }}
            >
              {entry.name}
              {entry.shortcut && <span className="menu-shortcut"> {entry.shortcut}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
