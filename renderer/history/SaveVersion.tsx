// "Save version": an editable message (prefilled with "Update <title>") and the button.
import { useEffect, useId, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { SavedVersion } from '../../shared/ipc/channels/git';
import { messageOf } from './errors';

export interface SaveVersionProps {
  api: Api;
  postPath: string;
  /**
   * Runs first: the app shell writes the editor's unsaved text to the file, so the version holds
   * what the writer sees. False stops the save (the shell has said why).
   */
  beforeSave?(): Promise<boolean>;
  /** Called after a version was saved (e.g. to refresh the status and the history). */
  onSaved?(saved: SavedVersion): void;
  /** Focus the message field (with its text selected) once it is filled, then call onFocused. */
  focus?: boolean;
  onFocused?(): void;
  /** The post's text as the writer has it now: a change makes "Version saved." stale, so it goes. */
  postText?: string;
}

export function SaveVersion({ api, postPath, beforeSave, onSaved, focus, onFocused, postText }: SaveVersionProps) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [loaded, setLoaded] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // A note says how the last Save version went; once the writer edits on, it no longer
  // describes the text on screen (not while a save runs: its own save may change the text).
  const saving = useRef(false);
  saving.current = busy;
  useEffect(() => {
    if (!saving.current) setNote(null);
  }, [postText]);

  useEffect(() => {
    let live = true;
    api
      .suggestVersionMessage({ path: postPath })
      .then(
        (r) => live && setMessage(r.message),
        () => live && setMessage(''),
      )
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [api, postPath]);

  useEffect(() => {
    if (!focus || !loaded || !input.current) return;
    input.current.focus();
    input.current.select();
    onFocused?.();
  }, [focus, loaded, onFocused]);

  const save = async () => {
    setBusy(true);
    setNote(null);
    try {
      if (beforeSave && !(await beforeSave())) {
        setNote('The post could not be saved, so no version was made.');
        return;
      }
      const saved = await api.saveVersion({ path: postPath, message });
      setNote(saved.version ? 'Version saved.' : 'Nothing new to save.');
      onSaved?.(saved);
      // Ready for the next version: the default message again (the title may have changed).
      if (saved.version) setMessage((await api.suggestVersionMessage({ path: postPath }).catch(() => null))?.message ?? message);
    } catch (e) {
      setNote(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="pw-hist-save"
      aria-label="Save version"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id}>Version message</label>
      <input ref={input} id={id} type="text" value={message} onChange={(e) => setMessage(e.target.value)} />
      <button type="submit" disabled={busy}>
        Save version
      </button>
      {note && (
        <p role="status" className="pw-hist-note">
          {note}
        </p>
      )}
    </form>
  );
}
