// "Versions and sync settings": the writer's name and email (asked once, they sign versions),
// starting versions for a site that has none, the online copy's address and the access token.
// One dialog, opened from the top bar or the History tab (git-status store's `setupOpen`).
import type { GitStatus } from '../../shared/ipc/channels/git';
import { api } from '../api';
import { SetupPanel } from './';
import { gitStatus } from './git-status';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

export function VersionsSettingsDialog({ status }: { status: GitStatus }) {
  const close = () => gitStatus.setSetupOpen(false);
  return (
    <Dialog title="Versions and sync settings" onCancel={close}>
      <div className="pw-hist versions-settings">
        <SetupPanel api={api} status={status} onChanged={() => void gitStatus.refresh()} />
      </div>
      <DialogActions cancel="Close" onCancel={close} />
    </Dialog>
  );
}
