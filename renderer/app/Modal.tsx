// A modal dialog on the native <dialog> element: the browser traps focus, makes the page
// behind it inert and closes it on Escape, which we turn into `onCancel`.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** Role "alertdialog" for questions that interrupt the writer (unsaved changes). */
  alert?: boolean;
  /** Extra class for the dialog (e.g. a wider one). */
  className?: string;
  /** A control shown beside the title (e.g. "Decide later"). */
  titleAction?: ReactNode;
}

export function Modal({ title, onCancel, children, alert, className, titleAction }: ModalProps) {
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
      className={className ? `modal ${className}` : 'modal'}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {titleAction ? (
        <div className="modal-head">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {titleAction}
        </div>
      ) : (
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
      )}
      {children}
    </dialog>
  );
}
