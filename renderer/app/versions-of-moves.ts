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
export type MoveVersion = { kind: 'saved' } | { kind: 'none' } | { kind: 'failed'; message: string };

/**
 * Saves the post at `path` as it is on disk now (gone, moved there, or put back) as a version.
 * `wasNew`, read from the status before the move: the post was never saved in a version, so
 * there is nothing to record (the status after the move cannot say: the file watcher may
 * already have reported the new address as a new post).
 */
export async function saveMoveVersion(path: string, message: string, wasNew = false): Promise<MoveVersion> {
  const status = gitStatus.get().status;
  // No versions, or no name yet (History asks for it first).
  if (wasNew || !status?.repository || !status.author) return { kind: 'none' };
  try {
    const saved = await api.saveVersion({ path, message });
    gitStatus.versionsChanged();
    void gitStatus.refresh();
    return saved.version ? { kind: 'saved' } : { kind: 'none' };
  } catch (e) {
    // Never in any version (the status was not read before the move): nothing to record.
    if (e instanceof ApiError && e.code === 'not-found') return { kind: 'none' };
    return { kind: 'failed', message: describeError(e) };
  }
}

/** Whether the status says the post was never saved in a version (read it before a move). */
export function neverVersioned(path: string): boolean {
  return gitStatus.get().status?.posts[path] === 'new';
}

/**
 * A rename as versions: the post at its new address first, then its old address removed (if
 * the second fails, the online copy has the post twice for a while, never not at all).
 */
export async function saveRenameVersions(from: string, to: string, message: string, wasNew: boolean): Promise<MoveVersion> {
  const added = await saveMoveVersion(to, message, wasNew);
  if (added.kind !== 'saved') return added;
  const removed = await saveMoveVersion(from, message);
  return removed.kind === 'failed' ? removed : added;
}
