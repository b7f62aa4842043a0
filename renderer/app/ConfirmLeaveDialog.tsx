// "You have unsaved changes": Save, Discard or Cancel. Save is focused first, since keeping
// the writer's text is the safe answer.
import type { LeaveChoice } from './use-confirm-leave';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  question: string;
  onAnswer(choice: LeaveChoice): void;
}

export function ConfirmLeaveDialog({ question, onAnswer }: Props) {
  return (
    <Dialog title="Unsaved changes" alert onCancel={() => onAnswer('cancel')}>
      <p className="modal-text">{question}</p>
      <DialogActions ok="Save" okAutoFocus onOk={() => onAnswer('save')} onCancel={() => onAnswer('cancel')}>
        <button type="button" onClick={() => onAnswer('discard')}>
          Discard
        </button>
      </DialogActions>
    </Dialog>
  );
}
