// Offered at start when the recovery journal holds unsaved text (after a crash, a kill or a
// power cut): each post with what differs from its file on disk, and Restore, Discard or
// Compare. Closing the dialog keeps every entry for next time; only Discard removes one, after
// a second click, because the journal may be the last copy of the writer's words.
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { JournalEntry } from '../../shared/ipc/channels/recovery';
import { Dialog } from '../ui/Dialog';
import { CompareView } from './CompareView';
import { describeDiskState, formatSavedAt } from './describe-entry';
import './recovery.css';

export interface RestoredText {
  path: string;
  /** The unsaved text to put back in the editor (the post stays unsaved until the writer saves). */
  raw: string;
  /** Hash of the file the text was based on: a save is refused if the file differs now. */
  baseHash: string;
}

export interface RecoveryDialogProps {
  api: Api;
  /** Opens the post in the editor with the recovered text as unsaved changes. */
  onRestore(text: RestoredText): void;
  /** Called when nothing is left to recover or the writer closes the dialog. */
  onClose(): void;
  /** Entries already fetched with `api.journalList({})`; fetched on mount when absent. */
  entries?: JournalEntry[];
}

export function RecoveryDialog({ api, onRestore, onClose, entries: given }: RecoveryDialogProps) {
  const [entries, setEntries] = useState<JournalEntry[] | null>(given ?? null);
  const [comparing, setComparing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (given) return;
    let live = true;
    api.journalList({}).then(
      (list) => live && setEntries(list),
      (e: Error) => live && setError(`The unsaved posts could not be listed: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [api, given]);

  const closed = useRef(false);
  useEffect(() => {
    if (entries && entries.length === 0 && !error && !closed.current) {
      closed.current = true; // once, even if the parent passes a new onClose on each render
      onClose();
    }
  }, [entries, error, onClose]);

  if (!error && (!entries || entries.length === 0)) return null;

  const remove = (path: string) => setEntries((list) => (list ?? []).filter((e) => e.path !== path));

  async function restore(entry: JournalEntry) {
    setError(null);
    try {
      const text = await api.journalRead({ path: entry.path });
      onRestore({ path: text.path, raw: text.raw, baseHash: text.baseHash });
      remove(entry.path);
    } catch (e) {
      setError(`"${entry.path}" could not be restored: ${(e as Error).message}`);
    }
  }

  async function discard(entry: JournalEntry) {
    setError(null);
    try {
      await api.journalDiscard({ path: entry.path });
      setConfirming(null);
      remove(entry.path);
    } catch (e) {
      setError(`"${entry.path}" could not be discarded: ${(e as Error).message}`);
    }
  }

  return (
    <Dialog title="Recover unsaved posts" onCancel={onClose}>
      <div className="recovery">
        <p className="modal-text">
          Postwright closed before these posts were saved. Their unsaved text was kept. Restore a post to keep editing it,
          then save it.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <ul className="recovery-list" aria-label="Unsaved posts">
          {(entries ?? []).map((entry) => (
            <li key={entry.path} className="recovery-entry" aria-label={entry.path}>
              <div className="recovery-head">
                <span className="recovery-path">{entry.path}</span>
                <span className="recovery-meta">
                  {formatSavedAt(entry.savedAt)} · <span className="recovery-added">+{entry.linesAdded}</span>{' '}
                  <span className="recovery-removed">−{entry.linesRemoved}</span> lines
                </span>
              </div>
              {entry.diskState !== 'unchanged' && <p className="recovery-warning">{describeDiskState(entry.diskState)}</p>}
              {entry.preview && (
                <pre className="recovery-preview" aria-label={`Summary of changes to ${entry.path}`}>
                  {entry.preview}
                </pre>
              )}
              {comparing === entry.path && <CompareView api={api} path={entry.path} deleted={entry.diskState === 'deleted'} />}
              {confirming === entry.path ? (
                <div className="modal-actions" role="group" aria-label={`Discard ${entry.path}?`}>
                  <span className="recovery-confirm">The unsaved text will be gone for good.</span>
                  <button type="button" className="danger" onClick={() => void discard(entry)}>
                    Discard for good
                  </button>
                  <button type="button" autoFocus onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <div className="modal-actions">
                  <button type="button" className="primary" onClick={() => void restore(entry)}>
                    Restore
                  </button>
                  <button type="button" aria-expanded={comparing === entry.path} onClick={() => setComparing((c) => (c === entry.path ? null : entry.path))}>
                    Compare
                  </button>
                  <button type="button" onClick={() => setConfirming(entry.path)}>
                    Discard
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" className="quiet" onClick={onClose}>
            Decide later
          </button>
        </div>
      </div>
    </Dialog>
  );
}
