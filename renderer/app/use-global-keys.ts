// Window-wide keys and the close guard: Ctrl/Cmd+S saves from anywhere (also from the front
// matter inputs), and closing or reloading the window with unsaved changes asks first.
import { useEffect, useRef } from 'react';

export function useGlobalKeys(onSave: () => void, isDirty: () => boolean): void {
  const latest = useRef({ onSave, isDirty });
  latest.current = { onSave, isDirty };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        latest.current.onSave();
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
