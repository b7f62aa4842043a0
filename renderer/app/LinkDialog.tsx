// Asks for a link's address (Electron has no window.prompt).
import { useState, type FormEvent } from 'react';
import { Modal } from './Modal';

interface Props {
  onInsert(href: string): void;
  onCancel(): void;
}

export function LinkDialog({ onInsert, onCancel }: Props) {
  const [href, setHref] = useState('https://');
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = href.trim();
    if (value && value !== 'https://') onInsert(value);
    else onCancel();
  }
  return (
    <Modal title="Insert link" onCancel={onCancel}>
      <form className="modal-form" onSubmit={submit}>
        <label htmlFor="link-href">Link address</label>
        <input id="link-href" autoFocus value={href} spellCheck={false} onChange={(e) => setHref(e.target.value)} onFocus={(e) => e.currentTarget.select()} />
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
