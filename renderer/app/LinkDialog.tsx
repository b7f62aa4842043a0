// Asks for a link's text and address (Electron has no window.prompt). The text starts as the
// selected words, so selecting words and pressing Ctrl+K links them; with nothing selected the
// writer types the words the link shows.
import { useState, type FormEvent } from 'react';
import { Modal } from './Modal';

interface Props {
  /** The selected text, if any: the link's text unless the writer changes it. */
  initialText?: string;
  onInsert(href: string, text: string): void;
  onCancel(): void;
}

export function LinkDialog({ initialText = '', onInsert, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [href, setHref] = useState('https://');
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = href.trim();
    if (value && value !== 'https://') onInsert(value, text.trim() ? text : value);
    else onCancel();
  }
  return (
    <Modal title="Link" onCancel={onCancel}>
      <form className="modal-form" onSubmit={submit}>
        <label htmlFor="link-text">Text to show</label>
        <input id="link-text" data-autofocus={initialText ? undefined : true} value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor="link-href">Link address</label>
        <input id="link-href" data-autofocus={initialText ? true : undefined} value={href} spellCheck={false} onChange={(e) => setHref(e.target.value)} onFocus={(e) => e.currentTarget.select()} />
        <div className="modal-actions">
          <button type="submit" className="primary">
            Insert link
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
