// "Delete post?": the post's folder goes to the system trash; an Undo follows in the notice.
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  title: string;
  onDelete(): void;
  onCancel(): void;
}

export function DeletePostDialog({ title, onDelete, onCancel }: Props) {
  return (
    <Dialog title="Delete post" alert onCancel={onCancel}>
      <p className="modal-text">“{title}” and its images go to the trash. You can undo this right after.</p>
      <DialogActions ok="Delete" okKind="danger" onOk={onDelete} onCancel={onCancel} cancelAutoFocus />
    </Dialog>
  );
}
