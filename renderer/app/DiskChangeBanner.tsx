// Shown when the open post changed on disk while the writer has unsaved changes (or after a
// save was refused because of that): the writer chooses whose version wins.
import type { DiskChange } from './use-post-session';

interface Props {
  change: DiskChange;
  onReload(): void;
  onKeepMine(): void;
}

export function DiskChangeBanner({ change, onReload, onKeepMine }: Props) {
  if (change.deleted) {
    return (
      <div className="banner" role="region" aria-label="Post deleted on disk">
        <span>This post was deleted or moved outside Postwright. Your text is still here; copy it before closing the post.</span>
      </div>
    );
  }
  return (
    <div className="banner" role="region" aria-label="Post changed on disk">
      <span>This post was changed on disk by another program.</span>
      <button type="button" onClick={onReload}>
        Reload from disk
      </button>
      <button type="button" onClick={onKeepMine}>
        Keep my version
      </button>
    </div>
  );
}
