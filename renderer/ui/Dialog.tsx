// The one modal dialog frame of the React UI, on the native <dialog> element: the browser traps
// focus, makes the page behind it inert, gives the focus back when it closes and turns Escape
// into `onCancel`. Its title names it. Where showModal is missing (jsdom in unit tests) it still
// opens, without the trap, and Escape still cancels. The shortcode dialogs inside the editor
// build the same frame without React (renderer/editor/views/dialog-frame.ts).
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** Role "alertdialog" for questions that interrupt the writer (unsaved changes). */
  alert?: boolean;
  /** The frame's look: "modal" (the app's dialogs) or a smaller one ("pw-gallery-dialog"). */
  frame?: string;
  /** Another class beside the frame's (a wide dialog, say). */
  className?: string;
  /** A control on the title's row ("Decide later"). */
  titleAside?: ReactNode;
  /** The class of the title's row when there is an aside. */
  headClassName?: string;
}

export function Dialog({ title, onCancel, children, alert, frame = 'modal', className, titleAside, headClassName }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    // showModal() focuses the first control; a dialog that wants another marks it (React's
    // autoFocus runs before showModal and is undone by it).
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof d.close === 'function') d.close();
    };
  }, []);
  const heading = (
    <h2 id={titleId} className={frame === 'modal' ? 'modal-title' : undefined}>
      {title}
    </h2>
  );
  return (
    <dialog
      ref={ref}
      className={className ? `${frame} ${className}` : frame}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        // Escape cancels here too, not only through "cancel": where showModal is missing, and
        // where Chromium would close the dialog without a "cancel" event (a second Escape with
        // no click in between), which would leave the dialog shut but still open in our state.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {titleAside ? (
        <div className={headClassName}>
          {heading}
          {titleAside}
        </div>
      ) : (
        heading
      )}
      {children}
    </dialog>
  );
}
