// After a sync where someone else changed the same post: both versions side by side, with
// "Keep mine", "Take theirs", or an edited merge (prefilled with mine) saved with "Use edited text".
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { Conflict } from '../../shared/ipc/channels/git';
import { conflictSides, type SideLine } from './conflict-sides';
import { messageOf } from './errors';

export interface ConflictViewProps {
  api: Api;
  /** Called once every conflict has a chosen text and the merge was saved. */
  onResolved?(): void;
}

export function ConflictView({ api, onResolved }: ConflictViewProps) {
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = async () => setConflicts(await api.listConflicts({}));
  useEffect(() => {
    api.listConflicts({}).then(setConflicts, (e) => setNote(messageOf(e)));
  }, [api]);

  const choose = async (path: string, choice: 'ours' | 'theirs' | 'merged', text?: string) => {
    try {
      const r = await api.resolveConflict({ path, choice, text });
      if (r.remaining === 0) {
        setNote('All choices made; the versions were combined.');
        onResolved?.();
      }
      await load();
    } catch (e) {
      setNote(messageOf(e));
    }
  };

  const open = conflicts?.filter((c) => !c.resolved) ?? [];
  return (
    <section className="pw-hist-conflicts" aria-label="Choose between versions">
      {open.map((c) => (
        <ConflictItem key={c.path} conflict={c} onChoose={choose} />
      ))}
      {note && (
        <p role="status" className="pw-hist-note">
          {note}
        </p>
      )}
    </section>
  );
}

function ConflictItem({ conflict, onChoose }: { conflict: Conflict; onChoose(path: string, choice: 'ours' | 'theirs' | 'merged', text?: string): void }) {
  const mergedId = useId();
  const [merged, setMerged] = useState(conflict.ours ?? conflict.theirs ?? '');
  const sides = useMemo(() => conflictSides(conflict.ours, conflict.theirs), [conflict.ours, conflict.theirs]);
  // Long posts: both panes open at the first line that differs, not at the front matter.
  const sidesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const pre of sidesRef.current?.querySelectorAll('pre') ?? []) {
      const first = pre.querySelector<HTMLElement>('.pw-hist-line-differs');
      if (first) pre.scrollTop = Math.max(0, first.offsetTop - 3 * first.offsetHeight);
    }
  }, [sides]);
  return (
    <article className="pw-hist-conflict" aria-label={`Versions of ${conflict.path}`}>
      <h3>{conflict.path}</h3>
      {conflict.binary ? (
        <p className="pw-hist-note">This file is not text: choose which version to keep.</p>
      ) : (
        <div className="pw-hist-sides" ref={sidesRef}>
          <figure>
            <figcaption>Mine</figcaption>
            <pre aria-label="My version">{conflict.ours === null ? '(deleted on this computer)' : <Lines lines={sides.mine} />}</pre>
          </figure>
          <figure>
            <figcaption>Theirs</figcaption>
            <pre aria-label="Their version">{conflict.theirs === null ? '(deleted by them)' : <Lines lines={sides.theirs} />}</pre>
          </figure>
        </div>
      )}
      <div className="pw-hist-actions">
        <button type="button" onClick={() => onChoose(conflict.path, 'ours')}>
          Keep mine
        </button>
        <button type="button" onClick={() => onChoose(conflict.path, 'theirs')}>
          Take theirs
        </button>
      </div>
      {!conflict.binary && (
        <div className="pw-hist-merge">
          <label htmlFor={mergedId}>Edited text</label>
          <textarea id={mergedId} value={merged} onChange={(e) => setMerged(e.target.value)} rows={12} />
          <button type="button" onClick={() => onChoose(conflict.path, 'merged', merged)}>
            Use edited text
          </button>
        </div>
      )}
    </article>
  );
}

function Lines({ lines }: { lines: SideLine[] }) {
  return lines.map((l, i) => (
    <span key={i} className={l.differs ? 'pw-hist-line pw-hist-line-differs' : 'pw-hist-line'}>
      {l.text || ' '}
      {'\n'}
    </span>
  ));
}
