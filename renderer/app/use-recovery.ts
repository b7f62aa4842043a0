// Recovery, from the shell's side: at start (and when a site opens) the journal's unsaved posts
// are offered back; while the writer types, the unsaved text goes to the journal well within
// 1 s of each keystroke, pause or no pause (use-live-post takes the text 0.5 s after a pause and
// at most 0.6 s after an edit, and hands it straight here; the write itself follows at once,
// off the keystroke path, one at a time per post); after a save or a discard, the entry goes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalEntry } from '../../shared/ipc/channels/recovery';
import { api } from '../api';
import { JournalAutosave } from '../recovery';
import type { LivePost } from './use-live-post';

/** The text is already taken once per pause (use-live-post): write it without further delay. */
const AUTOSAVE_DELAY_MS = 0;

export interface Recovery {
  /** Entries to offer, or null when there is nothing to ask. */
  entries: JournalEntry[] | null;
  closeDialog(): void;
  /** The post's text is on disk (saved) or thrown away on purpose: forget its journal entry. */
  forget(path: string): void;
  /** The editor's whole text after an edit (from use-live-post, outside rendering). */
  textChanged(live: LivePost): void;
  /** Writes a post's text to the journal now, after its writes still on their way; rejects when it was not kept. */
  keepNow(path: string, raw: string, baseHash: string): Promise<void>;
}

export function useRecovery(siteRoot: string | null, isDirty: () => boolean, baseHash: string | null): Recovery {
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const autosave = useRef<JournalAutosave | null>(null);
  autosave.current ??= new JournalAutosave(api, AUTOSAVE_DELAY_MS);

  useEffect(() => {
    if (!siteRoot) return;
    let alive = true;
    api.journalList({}).then(
      (list) => alive && setEntries(list.length ? list : null),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [siteRoot]);

  // isDirty and baseHash are read when the text changes; they do not start a write themselves.
  const state = useRef({ isDirty, baseHash });
  state.current = { isDirty, baseHash };
  // Each new text after an edit goes to the journal while it differs from the file.
  const textChanged = useCallback((live: LivePost) => {
    const { isDirty: dirty, baseHash: hash } = state.current;
    if (!live.edited || hash === null) return;
    if (dirty()) autosave.current?.changed(live.path, live.raw, hash);
  }, []);

  useEffect(() => {
    const a = autosave.current;
    const flush = () => void a?.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      a?.dispose();
    };
  }, []);

  const forget = useCallback((path: string) => void autosave.current?.saved(path), []);
  const closeDialog = useCallback(() => setEntries(null), []);
  const keepNow = useCallback((path: string, raw: string, hash: string) => autosave.current!.writeNow(path, raw, hash), []);
  return { entries, closeDialog, forget, textChanged, keepNow };
}
