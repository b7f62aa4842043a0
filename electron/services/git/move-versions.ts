// Renaming, deleting and putting back a post, each with its version, in one call from the
// renderer. A post's old address cannot be opened, so Save version can never be asked for it:
// without a version a deletion never reached git, a rename left the post at its old address
// too, and Sync kept both on the online copy the site is built from.
//
// Why here and not in the renderer: whether the post was ever saved in a version must be read
// from the status BEFORE the file moves. Read afterwards, the file watcher may already report
// the new address (or the put-back post) as a new post, and the version would be skipped (the
// race mended in b2d0d50). In main the status read, the move and the versions run one after
// another, one move at a time, with no round trip in between.
import { PostwrightError } from '../../../shared/ipc/errors';
import { plainMessage } from '../../../shared/ipc/dispatch';
import type { MoveVersion } from '../../../shared/ipc/channels/frontmatter';
import type { GitStatus, SavedVersion } from '../../../shared/ipc/channels/git';

/** The file changes (PostOperations). */
export interface PostMover {
  renamePost(rel: string, slug: string): Promise<{ path: string }>;
  deletePost(rel: string): Promise<{ undoToken: string; message: string }>;
  undoDelete(token: string): Promise<{ path: string }>;
}

/** What of the git service a move needs. */
export interface MoveGit {
  status(paths?: string[]): Promise<GitStatus>;
  saveVersion(path: string, message?: string): Promise<SavedVersion>;
}

/** Whether a post's move should be saved as a version, read before the move. */
type Before = { record: true } | { record: false };

export class MoveVersions {
  private queue: Promise<unknown> = Promise.resolve();
  /** Undo token → how to put the post back: saved as a version only if its deletion was. */
  private readonly deletions = new Map<string, { title: string; saved: boolean }>();

  constructor(
    private readonly files: () => Promise<PostMover>,
    private readonly git: () => Promise<MoveGit>,
  ) {}

  /** Renames the post's slug; the post at its new address, then gone from its old one, as versions. */
  rename(path: string, slug: string): Promise<{ path: string; version: MoveVersion }> {
    return this.oneAtATime(async () => {
      const before = await this.before(path);
      const moved = await (await this.files()).renamePost(path, slug);
      if (moved.path === path) return { path: moved.path, version: await this.save(before, path, `Rename ${path}`) };
      const message = `Rename ${path} to ${moved.path}`;
      // New address first: if the second fails, the online copy has the post twice for a
      // while, never not at all.
      const added = await this.save(before, moved.path, message);
      if (added.kind !== 'saved') return { path: moved.path, version: added };
      const removed = await this.save(before, path, message);
      return { path: moved.path, version: removed.kind === 'failed' ? removed : added };
    });
  }

  /** Deletes the post (Trash or app trash) and saves its deletion as a version. */
  delete(path: string, title: string): Promise<{ undoToken: string; message: string; version: MoveVersion }> {
    return this.oneAtATime(async () => {
      const before = await this.before(path);
      const res = await (await this.files()).deletePost(path);
      const version = await this.save(before, path, `Delete ${title}`);
      this.deletions.set(res.undoToken, { title, saved: version.kind === 'saved' });
      return { ...res, version };
    });
  }

  /** Puts a deleted post back; a version too when its deletion was one. */
  undoDelete(undoToken: string): Promise<{ path: string; version: MoveVersion }> {
    return this.oneAtATime(async () => {
      const back = await (await this.files()).undoDelete(undoToken);
      const deletion = this.deletions.get(undoToken);
      this.deletions.delete(undoToken);
      if (!deletion?.saved) return { ...back, version: { kind: 'none' } };
      return { ...back, version: await this.save({ record: true }, back.path, `Put back ${deletion.title}`) };
    });
  }

  /** Reads, before the move, whether it will be recorded: versions kept, author known, post in a version. */
  private async before(path: string): Promise<Before> {
    try {
      const status = await (await this.git()).status([path]);
      if (!status.repository || !status.author) return { record: false };
      return { record: status.posts[path] !== 'new' };
    } catch {
      // A status that cannot be read (e.g. a broken repository) never stops the move itself.
      return { record: false };
    }
  }

  private async save(before: Before, path: string, message: string): Promise<MoveVersion> {
    if (!before.record) return { kind: 'none' };
    try {
      const saved = await (await this.git()).saveVersion(path, message);
      return saved.version ? { kind: 'saved' } : { kind: 'none' };
    } catch (e) {
      // Never in any version: nothing to record.
      if (e instanceof PostwrightError && e.code === 'not-found') return { kind: 'none' };
      return { kind: 'failed', message: e instanceof PostwrightError ? e.message : plainMessage(e) };
    }
  }

  private oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }
}
