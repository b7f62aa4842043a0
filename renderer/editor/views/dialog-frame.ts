// The frame both shortcode dialogs (editing a card's parameters, filling a new one's) share: a
// modal region named by its title, shown in the editor's host, that Escape closes and that gives
// the focus back to where it was when it goes.
let counter = 0;

export interface DialogFrame {
  /** A prefix unique to this dialog, for its controls' ids. */
  id: string;
  dialog: HTMLElement;
  /** Removes the dialog, puts the focus back and settles the dialog's promise with `result`. */
  close(result: string | null): void;
}

export function openDialogFrame(host: HTMLElement, titleText: string, resolve: (result: string | null) => void): DialogFrame {
  const id = `pw-sc-dialog-${++counter}`;
  const dialog = document.createElement('div');
  dialog.className = 'pw-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const title = document.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = titleText;
  dialog.append(title);
  const previousFocus = document.activeElement as HTMLElement | null;
  const close = (result: string | null) => {
    dialog.remove();
    previousFocus?.focus();
    resolve(result);
  };
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(null);
    }
  });
  host.append(dialog);
  return { id, dialog, close };
}

/** What a video shortcode's dialog says of an address that names no video. */
export function notAVideo(video: 'youtube' | 'vimeo'): string {
  return `This is not the address or ID of a ${video === 'youtube' ? 'YouTube' : 'Vimeo'} video. Copy the video's address from the browser and paste it here.`;
}
