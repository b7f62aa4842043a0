// Asks for an image's new name. The extension stays; main cleans the name (lower case, dashes).
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  name: string;
  usages: number;
  onRename(newName: string): void;
  onCancel(): void;
}

export function RenameDialog({ name, usages, onRename, onCancel }: Props) {
  const stem = name.replace(/\.[^.]+$/, '');
  const [value, setValue] = useState(stem);
  return (
    <Dialog frame="pw-gallery-dialog" title={`Rename ${name}`} onCancel={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onRename(value.trim());
        }}
      >
        <label className="pw-gallery-field">
          New name
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <p className="pw-gallery-help">
          {usages ? `The ${usages === 1 ? 'reference' : `${usages} references`} in this post will be updated and the post saved.` : 'No reference in this post uses it.'}
        </p>
        <DialogActions className="pw-gallery-actions" ok="Rename image" okDisabled={!value.trim()} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
