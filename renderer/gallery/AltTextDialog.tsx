// Asks for alt text when an image is inserted: what a reader who cannot see the picture should
// hear instead. Inserting without it is allowed, but the card then flags the missing alt.
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  name: string;
  initialAlt: string;
  /** "Skip" instead of "Cancel" when more images wait in line after an import. */
  queued?: boolean;
  onInsert(alt: string): void;
  onCancel(): void;
}

export function AltTextDialog({ name, initialAlt, queued, onInsert, onCancel }: Props) {
  const [alt, setAlt] = useState(initialAlt);
  return (
    <Dialog frame="pw-gallery-dialog" title={`Insert ${name}`} onCancel={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onInsert(alt.trim());
        }}
      >
        <label className="pw-gallery-field">
          Alt text
          <input autoFocus value={alt} onChange={(e) => setAlt(e.target.value)} aria-describedby="pw-alt-help" />
        </label>
        <p id="pw-alt-help" className="pw-gallery-help">
          Describe the picture for readers who cannot see it, e.g. “Mara Quill on stage at the Driftwood Summit”.
        </p>
        {!alt.trim() && <p className="pw-gallery-flag">Without alt text, screen readers only announce “image”.</p>}
        <DialogActions className="pw-gallery-actions" ok="Insert image" cancel={queued ? 'Skip' : 'Cancel'} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
