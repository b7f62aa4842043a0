// Window-wide keys and the close guard: Ctrl/Cmd+S saves from anywhere (also from the front
// matter inputs), Ctrl/Cmd+F opens find and replace, Ctrl/Cmd+N opens New post (in Electron the
// menu's accelerator takes the key first; the web host's page gets it here), and closing or
// reloading the window with unsaved changes asks first.
import { useEffect, useRef } from 'react';

export function useGlobalKeys(onSave: () => void, isDirty: () => boolean, onFind?: () => boolean, onNewPost?: () => void): void {
  const latest = useRef({ onSave, isDirty, onFind, onNewPost });
  latest.current = { onSave, isDirty, onFind, onNewPost };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        latest.current.onSave();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        // Only when there is a post to search; else the browser's own find stays available.
        if (latest.current.onFind?.()) e.preventDefault();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n' && latest.current.onNewPost) {
        e.preventDefault();
        latest.current.onNewPost();
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
