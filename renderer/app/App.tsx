// The app shell: the open site's posts on the left, the post being edited in the centre, and
// the questions and messages around them. State lives in hooks (use-site, use-post-session);
// this component decides when to ask before unsaved changes would be lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isDesktop } from '../api';
import { describeError } from './describe-error';
import { ConfirmLeaveDialog } from './ConfirmLeaveDialog';
import { EditorPane } from './EditorPane';
import { ErrorAlert } from './ErrorAlert';
import { loadEditor } from './PostBody';
import { runWhenIdle } from './idle-work';
import { OpenSiteDialog } from './OpenSiteDialog';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { WelcomePanel } from './WelcomePanel';
import { useLeavePrompt } from './use-confirm-leave';
import { useGlobalKeys } from './use-global-keys';
import { useMainEvents } from './use-main-events';
import { usePostSession } from './use-post-session';
import { useSite } from './use-site';

export function App() {
  const [error, setError] = useState<string | null>(null);
  const site = useSite(setError);
  const session = usePostSession(setError);
  const leave = useLeavePrompt();
  const [askingForFolder, setAskingForFolder] = useState(false);

  const siteRoot = useRef<string | null>(null);
  siteRoot.current = site.site?.root ?? null;

  const title = session.post ? (site.posts.find((p) => p.path === session.post?.path)?.title ?? session.post.path) : null;

  const save = useCallback(() => session.save(siteRoot.current), [session]);

  /** Asks before unsaved changes would be lost; true when the caller may go on. */
  const mayLeave = useCallback(
    async (doing: string): Promise<boolean> => {
      if (!session.isDirty()) return true;
      const choice = await leave.ask(`“${title ?? 'This post'}” has unsaved changes. Save them before ${doing}?`);
      if (choice === 'cancel') return false;
      if (choice === 'save') return session.save(siteRoot.current);
      return true;
    },
    [leave, session, title],
  );

  const openPost = useCallback(
    async (path: string) => {
      if (session.post?.path === path || !siteRoot.current) return;
      if (!(await mayLeave('opening another post'))) return;
      if (siteRoot.current) await session.open(path, siteRoot.current);
    },
    [mayLeave, session],
  );

  const siteChanged = useCallback(
    async (root: string, openPath: string | null, leaveApproved = false) => {
      const p = session.post;
      if (p && p.siteRoot !== root) {
        // Unsaved text of the old site's post stays on screen (it cannot be saved there now)
        // unless the writer already said to discard it.
        if (session.isDirty() && !leaveApproved) setError('Another site was opened while this post had unsaved changes. Copy your text, then reopen its site to save it.');
        else session.close();
      }
      await site.reload();
      if (openPath && (await mayLeave('opening another post'))) await session.open(openPath, root);
    },
    [mayLeave, session, site],
  );

  const openSite = useCallback(async () => {
    if (!(await mayLeave('opening another site'))) return;
    if (!isDesktop) return setAskingForFolder(true);
    try {
      const chosen = await api.chooseSite({});
      if (chosen) await siteChanged(chosen.root, null, true);
    } catch (e) {
      setError(describeError(e));
    }
  }, [mayLeave, siteChanged]);

  const openRecent = useCallback(
    async (dir: string) => {
      if (!(await mayLeave('opening another site'))) return;
      try {
        const opened = await api.openSite({ dir });
        await siteChanged(opened.root, null, true);
      } catch (e) {
        setError(describeError(e));
      }
    },
    [mayLeave, siteChanged],
  );

  const closePost = useCallback(async () => {
    if (await mayLeave('closing it')) session.close();
  }, [mayLeave, session]);

  const openTypedFolder = useCallback(
    async (dir: string): Promise<string | null> => {
      try {
        const opened = await api.openSite({ dir });
        setAskingForFolder(false);
        await siteChanged(opened.root, null, true);
        return null;
      } catch (e) {
        return describeError(e);
      }
    },
    [siteChanged],
  );

  // A stable callback for the (memoized) post list, reading the latest openPost when called.
  const openPostRef = useRef(openPost);
  openPostRef.current = openPost;
  const onOpenPost = useCallback((path: string) => void openPostRef.current(path), []);

  // Once the list is on screen, fetch the editor's code while the writer picks a post.
  const hasSite = site.site !== null;
  useEffect(() => {
    if (!hasSite) return;
    const job = runWhenIdle(0, () => {
      void loadEditor();
      return null;
    });
    return () => job.cancel();
  }, [hasSite]);

  useGlobalKeys(() => void save(), session.isDirty);

  useMainEvents({
    siteOpened: (e) => void siteChanged(e.root, e.openPath),
    postsChanged: () => void site.reload(),
    postChangedOnDisk: (e) => session.noteDiskChange(e),
    // Menu commands are listed in shared/ipc/preload-api.ts; panels handle their own.
    menuCommand: (e) => {
      if (e.command === 'save') void save();
      else if (e.command === 'openSite') void openSite();
      else if (e.command === 'openRecentSite' && e.arg) void openRecent(e.arg);
      else if (e.command === 'closePost') void closePost();
    },
  });

  useEffect(() => {
    document.title = title ? `${session.dirty ? '• ' : ''}${title} — Postwright` : 'Postwright';
  }, [title, session.dirty]);

  return (
    <div className="app">
      <TopBar site={site.site} onOpenSite={() => void openSite()} />
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <div className="workspace">
        {site.site ? (
          <>
            <Sidebar posts={site.posts} currentPath={session.post?.path ?? null} onOpen={onOpenPost} />
            <EditorPane session={session} onSave={() => void save()} />
          </>
        ) : (
          !site.loading && <WelcomePanel onOpenSite={() => void openSite()} />
        )}
      </div>
      {leave.question && <ConfirmLeaveDialog question={leave.question} onAnswer={leave.answer} />}
      {askingForFolder && <OpenSiteDialog onOpen={openTypedFolder} onCancel={() => setAskingForFolder(false)} />}
    </div>
  );
}
