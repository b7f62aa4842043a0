// "Sync": a button, a progress bar fed by the main process's progress events, and the state in
// plain words ("No connection", "That address does not answer", "The token was refused", "No such repository", "Choose between versions"…). When a sync needs the
// writer to choose, the conflict view opens in a dialog (and can be reopened from here).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { GitStatus } from '../../shared/ipc/channels/git';
import { ConflictDialog } from './ConflictDialog';
import { messageOf } from './errors';

export interface SyncPanelProps {
  api: Api;
  /** Runs before syncing (the app shell saves the editor's text first); false stops it. */
  beforeSync?(): Promise<boolean>;
  /** Called after a sync or a resolution changed files on disk. */
  onSynced?(): void;
  /** Bump to read the status again (e.g. after a version was saved). */
  refreshKey?: number;
  /** Extra controls shown beside the Sync button (the app's "Sync settings…"). */
  extra?: ReactNode;
}

export function SyncPanel({ api, beforeSync, onSynced, refreshKey = 0, extra }: SyncPanelProps) {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; label?: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);
  // Progress events may arrive after the call's answer: only a running sync shows them.
  const syncing = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const s = await api.gitStatus({ paths: [] });
      setStatus(s);
      // Before the first sync, say what is missing rather than "Not synced yet".
      setMessage((m) => m ?? (s.repository && !s.remoteUrl && s.sync.state === 'idle' ? 'To sync, add the address of your online copy.' : s.sync.message));
      return s;
    } catch (e) {
      setMessage(messageOf(e));
      return null;
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.task === 'sync' && syncing.current) setProgress({ done: p.done, total: p.total, label: p.label });
      }),
    [api],
  );

  const sync = async () => {
    setBusy(true);
    setMessage('Syncing…');
    try {
      if (beforeSync && !(await beforeSync())) {
        setMessage('The post could not be saved, so nothing was synced.');
        return;
      }
      syncing.current = true;
      setProgress({ done: 0, total: 1, label: 'Starting' });
      const r = await api.syncNow({});
      setMessage(r.message);
      if (r.state === 'conflicts') setChoosing(true);
      onSynced?.();
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      syncing.current = false;
      setBusy(false);
      setProgress(null);
      await refresh();
    }
  };

  const state = status?.sync.state;
  return (
    <section className="pw-hist-sync" aria-label="Sync" aria-busy={busy}>
      <div className="pw-hist-sync-row">
        <button type="button" onClick={() => void sync()} disabled={busy || !status?.repository}>
          Sync
        </button>
        {status && status.repository && (
          <span className="pw-hist-meta">{status.remoteUrl ? `${status.ahead} to send · ${status.behind} to receive` : 'No online copy yet'}</span>
        )}
      </div>
      {extra}
      {progress && (
        <progress aria-label="Sync progress" max={progress.total || 1} value={progress.done}>
          {progress.label}
        </progress>
      )}
      {progress?.label && <p className="pw-hist-meta">{progress.label}</p>}
      {message && (
        <p role="status" className={`pw-hist-state pw-hist-state-${busy ? 'syncing' : (state ?? 'idle')}`}>
          {message}
        </p>
      )}
      {state === 'conflicts' && !choosing && (
        <button type="button" onClick={() => setChoosing(true)}>
          Choose between versions
        </button>
      )}
      {state === 'conflicts' && choosing && (
        <ConflictDialog
          api={api}
          onClose={() => setChoosing(false)}
          onResolved={() => {
            setChoosing(false);
            setMessage('Versions combined. Press Sync to send them.');
            onSynced?.();
            void refresh();
          }}
        />
      )}
    </section>
  );
}
