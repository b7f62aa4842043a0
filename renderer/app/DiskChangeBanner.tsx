// Shown when the open post changed on disk while the writer has unsaved changes (or after a
// save was refused because of that): the writer chooses whose version wins, after comparing.
import type { DiskChange } from './use-post-session';

interface Props {
  change: DiskChange;
  onTakeTheirs(): void;
  onKeepMine(): void;
  onCompare(): void;
}

export function DiskChangeBanner({ change, onTakeTheirs, onKeepMine, onCompare }: Props) {
  if (change.deleted) {
    return (
      <div className="banner" role="region" aria-label="Post deleted on disk">
        <span>This post was deleted or moved outside Postwright. Your text is still here; copy it before closing the post.</span>
      </div>
    );
  }
  return (
    <div className="banner" role="region" aria-label="Post changed on disk">
      <span className="banner-text">This post was changed on disk by another program while you were editing it.</span>
      <button type="button" onClick={onKeepMine} title="Your text stays; the next save replaces the file on disk">
        Keep mine
      </button>
      <button type="button" onClick={onTakeTheirs} title="Load the file from disk; your unsaved changes are dropped">
        Take theirs
      </button>
      <button type="button" onClick={onCompare}>
        Compare
      </button>
    </div>
  );
}
