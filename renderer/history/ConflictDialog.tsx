// The conflict view in a wide modal dialog: both versions need room side by side, more than a
// side panel has. Native <dialog>: the browser traps focus and Escape closes it ("decide later";
// the pending merge stays until the writer chooses).
import { useEffect, useId, useRef } from 'react';
import type { Api } from '../../shared/ipc/client';
import { ConflictView } from './ConflictView';

export interface ConflictDialogProps {
  api: Api;
  onResolved(): void;
  onClose(): void;
}

export function ConflictDialog({ api, onResolved, onClose }: ConflictDialogProps) {
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
      className="modal pw-hist-conflict-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="pw-hist-dialog-head">
        <h2 id={titleId} className="modal-title">
          You and someone else changed the same post
        </h2>
        <button type="button" onClick={onClose}>
          Decide later
        </button>
      </div>
      <p className="pw-hist-note">Nothing is lost: choose which version to keep, or edit a text that combines both. Lines that differ are marked.</p>
      <ConflictView api={api} onResolved={onResolved} />
    </dialog>
  );
}
