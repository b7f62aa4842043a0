// The browser cannot show a folder picker, so in the web host the writer types the site
// folder's path. Errors (not a Hugo site, no such folder) stay in the dialog.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  onOpen(dir: string): Promise<string | null>;
  onCancel(): void;
}

export function OpenSiteDialog({ onOpen, onCancel }: Props) {
  const [dir, setDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!dir.trim()) return setError('Type the path of a Hugo site folder.');
    setBusy(true);
    setError(await onOpen(dir.trim()));
    setBusy(false);
  }

  return (
    <Dialog title="Open Site" onCancel={onCancel}>
      <form className="modal-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="site-folder">Site folder</label>
        <input id="site-folder" autoFocus value={dir} spellCheck={false} placeholder="/home/me/my-blog" onChange={(e) => setDir(e.target.value)} />
        <p className="hint">The folder that holds hugo.toml (or config.toml) and content/.</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <DialogActions ok="Open" okDisabled={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
