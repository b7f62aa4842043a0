// A version compared with the current text in a wide dialog: the side panel is about 300 px,
// too narrow to read a long post's changes. The same view as the panel's, with Restore.
import type { VersionDiff } from '../../shared/ipc/channels/git';
import { Dialog } from '../ui/Dialog';
import { VersionDiffView } from './VersionDiffView';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  title: string;
  diff: VersionDiff;
  busy: boolean;
  onRestore(): void;
  onClose(): void;
}

export function VersionCompareDialog({ title, diff, busy, onRestore, onClose }: Props) {
  return (
    <Dialog title={title} onCancel={onClose} className="pw-hist-compare-dialog">
      <div className="pw-hist-compare-body">
        <VersionDiffView diff={diff} />
      </div>
      <DialogActions ok="Restore this version" onOk={onRestore} okDisabled={busy || diff.identical} cancel="Close" onCancel={onClose} />
    </Dialog>
  );
}
