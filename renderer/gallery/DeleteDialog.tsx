// Asks before deleting an image and shows every post that uses it (they would show a broken
// image). The file goes to the system trash, so it can be restored from there.
import type { SiteUsage } from '../../shared/ipc/channels/gallery';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  name: string;
  usages: SiteUsage[] | null;
  onDelete(): void;
  onCancel(): void;
}

export function DeleteDialog({ name, usages, onDelete, onCancel }: Props) {
  const live = usages?.filter((u) => !u.inComment) ?? [];
  return (
    <Dialog frame="pw-gallery-dialog" title={`Delete ${name}?`} onCancel={onCancel}>
      {usages == null ? (
        <p>Looking for posts that use it…</p>
      ) : live.length ? (
        <>
          <p className="pw-gallery-flag">It is used {live.length === 1 ? 'once' : `${live.length} times`}; those places will show a broken image:</p>
          <ul className="pw-gallery-usages" aria-label="Where it is used">
            {live.map((u, i) => (
              <li key={i}>
                {u.postPath}, line {u.line}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No post uses it.</p>
      )}
      <p className="pw-gallery-help">It goes to the trash, where you can restore it.</p>
      <DialogActions className="pw-gallery-actions" ok="Delete image" okKind="danger" onOk={onDelete} okDisabled={usages == null} onCancel={onCancel} cancelAutoFocus />
    </Dialog>
  );
}
