// A modal dialog on the native <dialog> element: the browser traps focus, makes the page
// behind it inert and closes it on Escape, which we turn into `onCancel`.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** Role "alertdialog" for questions that interrupt the writer (unsaved changes). */
  alert?: boolean;
  /** Another class beside "modal" (a wide dialog, say). */
  className?: string;
}

export function Modal({ title, onCancel, children, alert, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first control; a dialog that wants another marks it (React's
    // autoFocus runs before showModal and is undone by it).
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
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
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
