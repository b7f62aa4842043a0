// "Sync": a button, a progress bar fed by the main process's progress events, and the state in
// plain words ("Will sync when online", "Choose between versions"…). Shows the conflict view
// when a sync needs the writer to choose.
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { GitStatus } from '../../shared/ipc/channels/git';
import { ConflictView } from './ConflictView';
import { messageOf } from './errors';

export interface SyncPanelProps {
  api: Api;
  /** Called after a sync or a resolution changed files on disk. */
  onSynced?(): void;
}

export function SyncPanel({ api, onSynced }: SyncPanelProps) {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; label?: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const s = await api.gitStatus({ paths: [] });
      setStatus(s);
      setMessage((m) => m ?? s.sync.message);
    } catch (e) {
      setMessage(messageOf(e));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.on('progress', (p) => {
      if (p.task === 'sync') setProgress({ done: p.done, total: p.total, label: p.label });
    });
  }, [api, refresh]);

  const sync = async () => {
    setBusy(true);
    setMessage('Syncing…');
    try {
      const r = await api.syncNow({});
      setMessage(r.message);
      onSynced?.();
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setBusy(false);
      setProgress(null);
      await refresh();
    }
  };

  const state = status?.sync.state;
  return (
    <section className="pw-hist-sync" aria-label="Sync">
      <button type="button" onClick={() => void sync()} disabled={busy || !status?.repository}>
        Sync
      </button>
      {status && status.repository && (
        <span className="pw-hist-meta">
          {status.ahead} to send · {status.behind} to receive
        </span>
      )}
      {progress && (
        <progress aria-label="Sync progress" max={progress.total || 1} value={progress.done}>
          {progress.label}
        </progress>
      )}
      {message && (
        <p role="status" className={`pw-hist-state pw-hist-state-${state ?? 'idle'}`}>
          {message}
        </p>
      )}
      {state === 'conflicts' && (
        <ConflictView
          api={api}
          onResolved={() => {
            setMessage('Versions combined. Press Sync to send them.');
            onSynced?.();
            void refresh();
          }}
        />
      )}
    </section>
  );
}
