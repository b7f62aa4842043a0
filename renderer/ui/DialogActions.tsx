// The row of buttons at the foot of a dialog: the main answer first (the form's submit button,
// or a button with `onOk`), any others, and Cancel last. One place for its order, its look and
// its classes, instead of a copy in every dialog.
import type { ReactNode } from 'react';

interface DialogActionsProps {
  /** The main answer's label ("Rename"); without it the row has no main button. */
  ok?: string;
  /** Without it, the main button submits the dialog's form. */
  onOk?(): void;
  okDisabled?: boolean;
  /** "danger" for an answer that removes something. */
  okKind?: 'primary' | 'danger';
  okAutoFocus?: boolean;
  /** The way out's label: "Cancel", or "Close", "Skip". */
  cancel?: string;
  onCancel(): void;
  /** Focus on the way out when the question is risky (Delete). */
  cancelAutoFocus?: boolean;
  /** The gallery's smaller dialogs have their own row style. */
  className?: string;
  /** Buttons between the main answer and the way out. */
  children?: ReactNode;
}

export function DialogActions({ ok, onOk, okDisabled, okKind = 'primary', okAutoFocus, cancel = 'Cancel', onCancel, cancelAutoFocus, className = 'modal-actions', children }: DialogActionsProps) {
  return (
    <div className={className}>
      {ok && (
        <button type={onOk ? 'button' : 'submit'} className={okKind} disabled={okDisabled} autoFocus={okAutoFocus} onClick={onOk}>
          {ok}
        </button>
      )}
      {children}
      <button type="button" autoFocus={cancelAutoFocus} onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
