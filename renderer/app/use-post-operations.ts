// New post, duplicate, rename slug, delete (with undo): each asks before unsaved changes would
// be lost, then reloads the list and opens the post where it now is.
import { useCallback, type MutableRefObject } from 'react';
import { api } from '../api';
import { describeError } from '../ui/describe-error';
import { gitStatus } from '../history/git-status';
import type { MoveVersion } from '../../shared/ipc/channels/frontmatter';
import type { NoticeState } from './Notice';
import type { Recovery } from './use-recovery';
import type { PostSession } from './use-post-session';
import type { SiteState } from './use-site';

export type PostDialog = null | { kind: 'new'; sections: string[] } | { kind: 'rename' } | { kind: 'delete' } | { kind: 'compare' };

interface Deps {
  session: PostSession;
  site: SiteState;
  siteRoot: MutableRefObject<string | null>;
  recovery: Recovery;
  mayLeave(doing: string): Promise<boolean>;
  setDialog(d: PostDialog): void;
  setNotice(n: NoticeState | null): void;
  setError(message: string | null): void;
}

export function usePostOperations({ session, site, siteRoot, recovery, mayLeave, setDialog, setNotice, setError }: Deps) {
  /** Reopens the list and the given post after an operation moved or created it. */
  const showPost = useCallback(
    async (path: string) => {
      await site.reload();
      if (siteRoot.current) await session.open(path, siteRoot.current);
    },
    [session, site],
  );

  const newPost = useCallback(async () => {
    const sections = await api.listSections({}).catch(() => [] as string[]);
    setDialog({ kind: 'new', sections });
  }, []);

  const createPost = useCallback(
    async (req: { title: string; section: string }): Promise<string | null> => {
      if (!(await mayLeave('creating a new post'))) return null;
      const created = await api.newPost(req); // errors are shown in the dialog
      setDialog(null);
      await showPost(created.path);
      setNotice(created.warning ? { message: created.warning } : null);
      return created.path;
    },
    [mayLeave, showPost],
  );

  const duplicatePost = useCallback(async () => {
    const p = session.post;
    if (!p || !(await mayLeave('duplicating it'))) return;
    try {
      const copy = await api.duplicatePost({ path: p.path });
      await showPost(copy.path);
      setNotice({ message: `Duplicated as ${copy.path}.` });
    } catch (e) {
      setError(describeError(e));
    }
  }, [mayLeave, session, showPost]);

  const renamePost = useCallback(
    async (slug: string): Promise<string | null> => {
      const p = session.post;
      if (!p) return null;
      try {
        // Main moves the post and saves the move as versions in this one call.
        const moved = await api.renamePost({ path: p.path, slug });
        const version = moved.version;
        versionsMoved(version);
        recovery.forget(p.path);
        setDialog(null);
        await showPost(moved.path);
        const note = version.kind === 'saved' ? ' The rename is saved as a version, so Sync moves it on the online copy too.' : version.kind === 'failed' ? ` The rename could not be saved as a version: ${version.message}` : '';
        setNotice({ message: `Renamed: the post is now ${moved.path}.${note}` });
        return null;
      } catch (e) {
        return describeError(e);
      }
    },
    [recovery, session, showPost],
  );

  const askRename = useCallback(async () => {
    if (await mayLeave('renaming it')) setDialog({ kind: 'rename' });
  }, [mayLeave]);

  const deletePost = useCallback(
    async (title: string) => {
      const p = session.post;
      setDialog(null);
      if (!p) return;
      try {
        // Main deletes the post and saves the deletion as a version in this one call.
        const res = await api.deletePost({ path: p.path, title });
        const version = res.version;
        versionsMoved(version);
        recovery.forget(p.path);
        session.close();
        await site.reload();
        setNotice({
          message: `${res.message}${deletionNote(version)}`,
          action: {
            label: 'Undo',
            run: () => {
              api.undoDelete({ undoToken: res.undoToken }).then(
                async (back) => {
                  // The deletion was a version: main saved putting the post back as one too.
                  versionsMoved(back.version);
                  if (back.version.kind === 'failed') setError(`The post is back, but it could not be saved as a version: ${back.version.message}`);
                  await showPost(back.path);
                },
                (e: unknown) => setError(describeError(e)),
              );
            },
          },
        });
      } catch (e) {
        setError(describeError(e));
      }
    },
    [recovery, session, showPost, site],
  );

  return { showPost, newPost, createPost, duplicatePost, renamePost, askRename, deletePost };
}

/** A move saved as a version changes History and the status bar: both read again. */
function versionsMoved(v: MoveVersion): void {
  if (v.kind !== 'saved') return;
  gitStatus.versionsChanged();
  void gitStatus.refresh();
}

/** What the delete notice adds about versions. */
function deletionNote(v: MoveVersion): string {
  if (v.kind === 'saved') return ' The deletion is saved as a version, so Sync removes it from the online copy too.';
  if (v.kind === 'failed') return ` The deletion could not be saved as a version: ${v.message}`;
  return '';
}
