// A deleted or renamed post's move, saved as a version when the site keeps versions and the
// writer's name is known. A post's old address cannot be opened, so Save version can never be
// asked for it: without this a deletion never reached git, a rename left the post at its old
// address too, and Sync kept both on the online copy the site is built from. Putting a deleted
// post back (Undo) is saved the same way.
import { ApiError } from '../../shared/ipc/client';
import { api } from '../api';
import { describeError } from './describe-error';
import { gitStatus } from './git-status';

/** What happened: saved as a version, nothing to save, or why it could not be saved. */
export type DeletionVersion = { kind: 'saved' } | { kind: 'none' } | { kind: 'failed'; message: string };

/** Saves the post's current state on disk (gone, or put back) as a version with `message`. */
export async function saveRemovalVersion(path: string, message: string): Promise<DeletionVersion> {
  const status = gitStatus.get().status;
  // No versions, no name yet (History asks for it), or a post never saved in a version.
  if (!status?.repository || !status.author || status.posts[path] === 'new') return { kind: 'none' };
  try {
    const saved = await api.saveVersion({ path, message });
    gitStatus.versionsChanged();
    void gitStatus.refresh();
    return saved.version ? { kind: 'saved' } : { kind: 'none' };
  } catch (e) {
    // Never in any version (the status was not read yet): nothing to record.
    if (e instanceof ApiError && e.code === 'not-found') return { kind: 'none' };
    return { kind: 'failed', message: describeError(e) };
  }
}

/**
 * A rename as versions: the post at its new address first, then its old address removed (if
 * the second fails, the online copy has the post twice for a while, never not at all).
 * `wasNew`: the post was never saved in a version, so there is nothing to move.
 */
export async function saveRenameVersions(from: string, to: string, message: string, wasNew: boolean): Promise<DeletionVersion> {
  if (wasNew) return { kind: 'none' };
  const added = await saveRemovalVersion(to, message);
  if (added.kind === 'failed') return added;
  const removed = await saveRemovalVersion(from, message);
  return removed.kind === 'none' ? added : removed;
}
