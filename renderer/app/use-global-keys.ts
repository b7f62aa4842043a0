// Window-wide keys and the close guard: Ctrl/Cmd+S saves from anywhere (also from the front
// matter inputs), Ctrl/Cmd+F opens find and replace, Ctrl/Cmd+N opens New post (in Electron the
// menu's accelerator takes the key first; the web host's page gets it here), and closing or
// reloading the window with unsaved changes asks first.
import { useEffect, useRef } from 'react';
import { isDesktop } from '../api';
import { matchesShortcut, SHORTCUTS } from '../../shared/keyboard/shortcuts';
import { runMenuCommand } from './menu-commands';

// Keys this hook handles itself; the others with a menu command are dispatched as that command
// in the web host (in Electron, the menu's accelerators send them, and a second dispatch here
// would undo a toggle).
const OWN = new Set(['save', 'find', 'newPost']);
const MENU_KEYS = SHORTCUTS.filter((s) => s.command && !OWN.has(s.command));

export function useGlobalKeys(onSave: () => void, isDirty: () => boolean, onFind?: () => boolean, onNewPost?: () => void): void {
  const latest = useRef({ onSave, isDirty, onFind, onNewPost });
  latest.current = { onSave, isDirty, onFind, onNewPost };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Every shortcut here has Ctrl or ⌘: typing returns at once (this runs on every key).
      if (!e.ctrlKey && !e.metaKey) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        latest.current.onSave();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        // Only when there is a post to search; else the browser's own find stays available.
        if (latest.current.onFind?.()) e.preventDefault();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n' && latest.current.onNewPost) {
        e.preventDefault();
        latest.current.onNewPost();
      } else if (!isDesktop) {
        const hit = MENU_KEYS.find((s) => matchesShortcut(s.keys, e));
        if (hit?.command && runMenuCommand(hit.command)) e.preventDefault();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!latest.current.isDirty()) return;
      // The browser (or the Electron shell) shows its own "leave page?" question.
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}
