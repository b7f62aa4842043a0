// The conflict view in a wide modal dialog: both versions need room side by side, more than a
// side panel has. The shared Dialog frame: Escape closes it ("decide later";
// the pending merge stays until the writer chooses).
import type { Api } from '../../shared/ipc/client';
import { Dialog } from '../ui/Dialog';
import { ConflictView } from './ConflictView';

export interface ConflictDialogProps {
  api: Api;
  onResolved(): void;
  onClose(): void;
}

export function ConflictDialog({ api, onResolved, onClose }: ConflictDialogProps) {
  return (
    <Dialog
      title="You and someone else changed the same post"
      onCancel={onClose}
      className="pw-hist-conflict-dialog"
      headClassName="pw-hist-dialog-head"
      titleAside={
        <button type="button" onClick={onClose}>
          Decide later
        </button>
      }
    >
      <p className="pw-hist-note">Nothing is lost: choose which version to keep, or edit a text that combines both. Lines that differ are marked.</p>
      <ConflictView api={api} onResolved={onResolved} />
    </Dialog>
  );
}
