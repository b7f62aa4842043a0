// Repairs a missing image: the writer picks one of the post's images, or imports a file, and
// every reference to the missing file is pointed at it (the post changes on those lines only).
import { useState } from 'react';
import type { GalleryImage } from '../../shared/ipc/channels/gallery';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  missing: GalleryImage;
  /** The images that exist, to choose from. */
  choices: GalleryImage[];
  onReplace(image: GalleryImage): void;
  onImport(): void;
  onCancel(): void;
}

export function ReplaceDialog({ missing, choices, onReplace, onImport, onCancel }: Props) {
  const [picked, setPicked] = useState<string>(choices[0]?.sitePath ?? '');
  const chosen = choices.find((c) => c.sitePath === picked);
  return (
    <Dialog frame="pw-gallery-dialog" title={`Replace ${missing.name}`} onCancel={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) onReplace(chosen);
        }}
      >
        <p className="pw-gallery-help">
          {missing.usages.length === 1 ? 'The place in this post that shows it' : `The ${missing.usages.length} places in this post that show it`} will show the image you choose, and the post is saved.
        </p>
        {choices.length ? (
          <fieldset className="pw-gallery-choices">
            <legend>Use an image of this post</legend>
            {choices.map((c) => (
              <label key={c.sitePath} className="pw-gallery-choice">
                <input type="radio" name="replace-with" value={c.sitePath} checked={picked === c.sitePath} onChange={() => setPicked(c.sitePath)} />
                {c.name}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="pw-gallery-help">This post has no other images yet: import a file.</p>
        )}
        <DialogActions className="pw-gallery-actions" ok="Replace image" okDisabled={!chosen} onCancel={onCancel}>
          <button type="button" onClick={onImport}>
            Import a file…
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
