// Formatting buttons wired to the editor's commands. Buttons keep the editor's focus and
// selection (mousedown is not allowed to move focus); the toolbar is one Tab stop with arrows.
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorCommands } from '../editor/types';
import { LinkDialog } from './LinkDialog';
import { moveFocus } from './roving-focus';

interface Props {
  commands: EditorCommands | null;
  onAfterCommand(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface Tool {
  name: string;
  label: string;
  shortcut?: string;
  run(c: EditorCommands): void;
}

const TOOLS: Tool[] = [
  { name: 'Bold', label: 'B', shortcut: `${mod}B`, run: (c) => c.toggleBold() },
  { name: 'Italic', label: 'I', shortcut: `${mod}I`, run: (c) => c.toggleItalic() },
  { name: 'Heading', label: 'H', run: (c) => c.setHeading(2) },
  { name: 'Bulleted list', label: '•', run: (c) => c.toggleBulletList() },
  { name: 'Numbered list', label: '1.', run: (c) => c.toggleOrderedList() },
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

// Memoized (EditorPane passes a stable onAfterCommand): status updates do not re-render it.
export const Toolbar = memo(function Toolbar({ commands, onAfterCommand }: Props) {
  const [linking, setLinking] = useState<{ text: string } | null>(null);
  const disabled = commands === null;
  const commandsRef = useRef(commands);
  commandsRef.current = commands;
  const startLink = () => setLinking({ text: commandsRef.current?.selectedText?.() ?? '' });
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
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const button = (name: string, label: ReactNode, onClick: () => void, shortcut?: string, first = false) => (
    <button
      key={name}
      type="button"
      className={`tool tool-${name.toLowerCase().replace(/\s+/g, '-')}`}
      aria-label={name}
      title={shortcut ? `${name} (${shortcut})` : name}
      aria-keyshortcuts={shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
      disabled={disabled}
      tabIndex={first ? 0 : -1}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{label}</span>
    </button>
  );
  const run = (tool: Tool) => () => {
    if (!commands) return;
    tool.run(commands);
    onAfterCommand();
  };
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar" onKeyDown={(e) => moveFocus(e, 'button:not(:disabled)', { prev: 'ArrowLeft', next: 'ArrowRight' })}>
      {TOOLS.slice(0, 2).map((t, i) => button(t.name, t.label, run(t), t.shortcut, i === 0))}
      {button('Link', LINK_ICON, startLink, `${mod}K`)}
      {TOOLS.slice(2).map((t) => button(t.name, t.label, run(t), t.shortcut))}
      <span className="toolbar-gap" />
      {button('Undo', '↶', () => commands && (commands.undo(), onAfterCommand()), `${mod}Z`)}
      {button('Redo', '↷', () => commands && (commands.redo(), onAfterCommand()), isMac ? '⇧⌘Z' : 'Ctrl+Y')}
      {linking && (
        <LinkDialog
          initialText={linking.text}
          onCancel={() => {
            setLinking(null);
            onAfterCommand();
          }}
          onInsert={(href, text) => {
            setLinking(null);
            commands?.insertLink(href, text);
            onAfterCommand();
          }}
        />
      )}
    </div>
  );
});
