// A version compared with the current text in a wide dialog: the side panel is about 300 px,
// too narrow to read a long post's changes. The same view as the panel's, with Restore.
import { useEffect, useId, useRef } from 'react';
import type { VersionDiff } from '../../shared/ipc/channels/git';
import { VersionDiffView } from './VersionDiffView';

interface Props {
  title: string;
  diff: VersionDiff;
  busy: boolean;
  onRestore(): void;
  onClose(): void;
}

export function VersionCompareDialog({ title, diff, busy, onRestore, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal pw-hist-compare-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      <div className="pw-hist-compare-body">
        <VersionDiffView diff={diff} />
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onRestore} disabled={busy || diff.identical}>
          Restore this version
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
