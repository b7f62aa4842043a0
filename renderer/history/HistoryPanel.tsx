// "History": the versions of one post (date, author, message) in a list named "Versions";
// choosing one shows its readable diff against the current text and "Restore this version".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { Version, VersionDiff } from '../../shared/ipc/channels/git';
import { VersionDiffView } from './VersionDiffView';
import { VersionCompareDialog } from './VersionCompareDialog';
import { messageOf } from './errors';

export interface HistoryPanelProps {
  api: Api;
  postPath: string;
  /** Bump to reload the list (e.g. after Save version). */
  refreshKey?: number;
  /** Runs before a restore (the app shell saves the editor's text first); false stops it. */
  beforeRestore?(): Promise<boolean>;
  /** Called after a restore wrote the old text to disk (the editor should reload the post). */
  onRestored?(): void;
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistoryPanel({ api, postPath, refreshKey = 0, beforeRestore, onRestored }: HistoryPanelProps) {
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The history answer can arrive after the panel closed or the post changed: drop it then.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(async () => {
    try {
      const found = await api.postHistory({ path: postPath });
      if (mounted.current) setVersions(found);
    } catch (e) {
      if (mounted.current) setNote(messageOf(e));
    }
  }, [api, postPath]);

  useEffect(() => {
    if (open) void load();
  }, [open, load, refreshKey]);

  useEffect(() => {
    if (!selected) return setDiff(null);
    let live = true;
    api.versionDiff({ path: postPath, version: selected }).then(
      (d) => live && setDiff(d),
      (e) => live && setNote(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api, postPath, selected, refreshKey]);

  const [wide, setWide] = useState(false);
  const restore = async () => {
    if (!selected) return;
    setBusy(true);
    setNote(null);
    try {
      if (beforeRestore && !(await beforeRestore())) {
        setNote('The post could not be saved, so nothing was restored.');
        return;
      }
      const r = await api.restoreVersion({ path: postPath, version: selected });
      setNote(r.savedFirst ? 'Restored. Your unsaved text was kept as a version first.' : 'Restored. Save a version to keep it.');
      onRestored?.();
      await load();
    } catch (e) {
      setNote(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="pw-hist-panel" aria-label="History of this post" aria-busy={busy}>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        History
      </button>
      {open && (
        <div className="pw-hist-body">
          {versions && versions.length === 0 && <p className="pw-hist-note">No versions saved yet.</p>}
          {versions && versions.length > 0 && (
            <ul aria-label="Versions" className="pw-hist-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    aria-pressed={selected === v.id}
                    onClick={() => {
                      setNote(null);
                      setSelected(v.id);
                    }}
                  >
                    <span className="pw-hist-msg">{v.message}</span>
                    <span className="pw-hist-meta">
                      {dateFmt.format(new Date(v.date))} · {v.author}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {diff && (
            <>
              <VersionDiffView diff={diff} />
              <button type="button" onClick={() => void restore()} disabled={busy || diff.identical}>
                Restore this version
              </button>
              <button type="button" onClick={() => setWide(true)} disabled={diff.identical}>
                Compare in a wide window
              </button>
            </>
          )}
          {diff && wide && (
            <VersionCompareDialog
              title={`Changes since “${versions?.find((v) => v.id === selected)?.message ?? 'this version'}”`}
              diff={diff}
              busy={busy}
              onRestore={() => {
                setWide(false);
                void restore();
              }}
              onClose={() => setWide(false)}
            />
          )}
          {note && (
            <p role="status" className="pw-hist-note">
              {note}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
