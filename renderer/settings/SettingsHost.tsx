// Everything Settings needs in the app, in one element the shell mounts once: it applies the
// stored theme at start, handles the menu's `openSettings` and `theme` commands (and Ctrl+, in
// the browser, which has no menu), and shows the dialog. The theme picked in the dialog shows
// at once and goes back to the stored one on Cancel.
import { useCallback, useEffect, useState } from 'react';
import type { Settings, Theme } from '../../shared/ipc/channels/settings';
import { api, isDesktop } from '../api';
import { describeError } from '../ui/describe-error';
import { gitStatus } from '../history/git-status';
import { runMenuCommand } from '../app/menu-commands';
import { useMenuCommand } from '../app/use-menu-command';
import { SettingsDialog } from './SettingsDialog';
import { applyTheme, isTheme } from './theme';

interface Props {
  /** Shows a message the writer must see (a failed read of the settings). */
  onError(message: string): void;
}

export function SettingsHost({ onError }: Props) {
  /** Settings as last read from or written to main. */
  const [saved, setSaved] = useState<Settings | null>(null);
  /** The theme on screen (differs from saved.theme while the dialog previews one). */
  const [theme, setTheme] = useState<Theme | null>(null);
  /** The dialog's starting values while it is open. */
  const [editing, setEditing] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (s) => {
        if (!live) return;
        setSaved(s);
        setTheme((t) => t ?? s.theme);
      },
      // Defaults stay on screen; the dialog reports the problem if the writer opens it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

  const open = useCallback(async () => {
    try {
      // Fresh values: another window, or View > Theme, may have changed them.
      const s = await api.getSettings({});
      setSaved(s);
      setEditing(s);
    } catch (e) {
      onError(`Settings could not be read. ${describeError(e)}`);
    }
  }, [onError]);

  useMenuCommand('openSettings', () => {
    if (!editing) void open();
  });
  // View > Theme: main has already stored the choice.
  useMenuCommand('theme', (arg) => {
    if (!isTheme(arg)) return;
    setTheme(arg);
    setSaved((s) => (s ? { ...s, theme: arg } : s));
  });

  useEffect(() => {
    if (isDesktop) return; // the menu's accelerator does it there
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ',' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        runMenuCommand('openSettings');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = useCallback(async (next: Settings): Promise<string | null> => {
    try {
      const stored = await api.setSettings({ partial: next });
      setSaved(stored);
      setTheme(stored.theme);
      setEditing(null);
      // The Author fields also sign versions: the History tab stops asking for a name at once.
      void gitStatus.refresh();
      return null;
    } catch (e) {
      return `Your settings were not saved. ${describeError(e)}`;
    }
  }, []);

  const cancel = useCallback(() => {
    setEditing(null);
    setTheme((t) => saved?.theme ?? t);
  }, [saved]);

  if (!editing) return null;
  return <SettingsDialog initial={editing} theme={theme ?? editing.theme} onThemeChange={setTheme} onSave={save} onCancel={cancel} desktop={isDesktop} />;
}

/** A Settings… button for a toolbar (the menu has the same command). */
export function SettingsButton() {
  return (
    <button type="button" onClick={() => runMenuCommand('openSettings')}>
      Settings…
    </button>
  );
}
