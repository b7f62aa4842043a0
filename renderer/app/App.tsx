// The app shell: the open site's posts on the left, the post being edited in the centre, and
// the questions and messages around them. State lives in hooks (use-site, use-post-session);
// this component decides when to ask before unsaved changes would be lost. Its dialogs are drawn
// by AppDialogs.tsx; the menu commands it handles itself are one map (shellCommands).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { outlineOfPost, type OutlineItem } from '../../shared/text-stats';
import { api, isDesktop } from '../api';
import type { RestoredText } from '../recovery/RecoveryDialog';
import { frontMatterToolsNow, loadFrontMatterTools } from './front-matter-tools';
import { useLinkOpen } from './use-link-open';
import { formatOf } from './post-format';
import { composePost } from './compose-raw';
import { fixMojibakeInPost } from './fix-mojibake';
import { Notice, type NoticeState } from './Notice';
import { PostActions } from './PostActions';
import { PostImages } from './PostImages';
import { SidePanel } from './SidePanel';
import { sidePanelTabs, type SidePanelTabId } from './SidePanelTabs';
import { sectionOf, useFormData } from './use-form-data';
import { useLivePost, type LivePost } from './use-live-post';
import { usePostOperations, type PostDialog } from './use-post-operations';
import { useRecovery } from './use-recovery';
import { useRegionErrors } from './use-region-errors';
import { RegionBoundary, RegionErrorContext } from './RegionBoundary';
import './workspace.css';
import { describeError } from '../ui/describe-error';
import { EditorPane } from './EditorPane';
import { ErrorAlert } from './ErrorAlert';
import { loadEditor } from './PostBody';
import { runWhenIdle } from './idle-work';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { WelcomePanel } from './WelcomePanel';
import { useLeavePrompt } from './use-confirm-leave';
import { useGlobalKeys } from './use-global-keys';
import { useGitStatusFeed } from '../history/use-git-status-feed';
import { useMenuCommand } from './use-menu-command';
import type { MenuCommandHandler } from './menu-commands';
import type { MenuCommand } from '../../shared/ipc/preload-api';
import { AppDialogs } from './AppDialogs';
import { PreviewIcon, SidePanelIcon } from '../ui/icons';
import { useSaveVersionCommand } from './use-save-version-command';
import { useMainEvents } from './use-main-events';
import { usePostSession } from './use-post-session';
import { useSite } from './use-site';
import { FullPreview } from './FullPreview';
import { shortcodeInner } from './shortcode-inner-cache';

export function App() {
  const [error, setError] = useState<string | null>(null);
  const site = useSite(setError);
  const refreshPost = site.refreshPost;
  const session = usePostSession(setError);
  const leave = useLeavePrompt();
  const [askingForFolder, setAskingForFolder] = useState(false);

  const siteRoot = useRef<string | null>(null);
  siteRoot.current = site.site?.root ?? null;

  const title = session.post ? (site.posts.find((p) => p.path === session.post?.path)?.title ?? session.post.path) : null;

  const [notice, setNotice] = useState<NoticeState | null>(null);
  // The host could not watch every folder of this site (watchTrouble): said in the sidebar for as
  // long as that site is open, with a way to look for changes by hand.
  const [watchTrouble, setWatchTrouble] = useState<{ root: string; message: string } | null>(null);
  const [finding, setFinding] = useState(false);
  // Preview mode (FullPreview over the editor area); closing it gives the caret back to the text.
  const [previewing, setPreviewing] = useState(false);
  const [selection, setSelection] = useState('');
  const [panel, setPanel] = useState<{ open: boolean; tab: SidePanelTabId }>({ open: true, tab: 'outline' });
  const [dialog, setDialog] = useState<PostDialog>(null);

  // Each edited text goes to the recovery journal as soon as it is taken (see use-recovery).
  const journalText = useRef<(l: LivePost) => void>(() => {});
  const toJournal = useCallback((l: LivePost) => journalText.current(l), []);
  const { live, bodyChanged: liveBodyChanged, takeNow: takeLiveNow } = useLivePost(session, toJournal);
  // Site-wide reads that take a while on a large site (the recovery journal, the git status of
  // every post, the broken-image scan) and the editor's code wait for the first post list, so
  // they never delay its first paint at start.
  const listedRoot = site.loading ? null : (site.site?.root ?? null);
  const recovery = useRecovery(listedRoot, session.isDirty, session.post?.hash ?? null);
  journalText.current = recovery.textChanged;
  // Post states (new / changed / saved) and the site's counts, read again as files change.
  useGitStatusFeed(listedRoot, session.post?.hash ?? null);
  const formData = useFormData(session.post?.path ?? null, session.post ? `${session.post.generation}:${session.post.hash}` : null);

  // Reads the latest session from callbacks that outlive a render (saves, dialogs).
  const sessionRef = useRef(session);
  sessionRef.current = session;
  // A region that fails to draw keeps the post's text first (RegionBoundary, use-region-errors).
  const liveRef = useRef(live);
  liveRef.current = live;
  const lastLiveRaw = useCallback(() => (liveRef.current && liveRef.current.path === sessionRef.current.post?.path ? liveRef.current.raw : null), []);
  const regions = useRegionErrors(sessionRef, lastLiveRaw, recovery.keepNow);

  const save = useCallback(async (): Promise<boolean> => {
    const s = sessionRef.current;
    const p = s.post;
    if (regions.held()?.editorLost) {
      setError('Nothing was saved: the editor stopped working. Choose “Reload this post” to get your text back, then save.');
      return false;
    }
    const problem = p ? (await loadFrontMatterTools()).frontMatterProblem(formatOf(p), s.frontMatter, p.file.frontMatterError) : null;
    if (p && problem) {
      setError(`Nothing was saved: the fields at the top of the post cannot be read (line ${problem.line}, column ${problem.column}: ${problem.message}). Fix it first.`);
      return false;
    }
    takeLiveNow();
    const ok = await s.save(siteRoot.current);
    if (ok && p) {
      recovery.forget(p.path);
      // The list shows what was just saved (a new title, date, draft state, tags, a fixed error).
      void refreshPost(p.path);
    }
    return ok;
  }, [recovery, refreshPost, regions, takeLiveNow]);

  // The History tab saves the editor's text before a version, restore or sync, and reloads the
  // post after they wrote it (unless the writer typed meanwhile: then the disk-change banner asks).
  const versionActions = useMemo(
    () => ({
      saveFirst: save,
      reload: () => {
        if (!sessionRef.current.isDirty()) void sessionRef.current.reloadFromDisk();
      },
    }),
    [save],
  );
  useSaveVersionCommand(session.post !== null, () => setPanel({ open: true, tab: 'history' }));
  useMenuCommand('toggleHistory', () => setPanel((p) => (p.open && p.tab === 'history' ? { ...p, open: false } : { open: true, tab: 'history' })));
  useMenuCommand('toggleGallery', () => setPanel((p) => (p.open && p.tab === 'gallery' ? { ...p, open: false } : { open: true, tab: 'gallery' })));
  // View → Post List and Front Matter (Ctrl+1, Ctrl+2): more room for the text.
  const [hidden, setHidden] = useState({ postList: false, frontMatter: false });
  useMenuCommand('togglePostList', () => setHidden((h) => ({ ...h, postList: !h.postList })));
  useMenuCommand('toggleFrontMatter', () => setHidden((h) => ({ ...h, frontMatter: !h.frontMatter })));
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  useMenuCommand('showShortcuts', () => setShowingShortcuts(true));

  /** Asks before unsaved changes would be lost; true when the caller may go on. */
  const mayLeave = useCallback(
    async (doing: string): Promise<boolean> => {
      if (!session.isDirty()) return true;
      const choice = await leave.ask(`“${title ?? 'This post'}” has unsaved changes. Save them before ${doing}?`);
      if (choice === 'cancel') return false;
      if (choice === 'save') return save();
      if (session.post) recovery.forget(session.post.path);
      return true;
    },
    [leave, session, title, save, recovery],
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

  const { newPost, createPost: createPostOnly, duplicatePost, renamePost, askRename, deletePost } = usePostOperations({ session, site, siteRoot, recovery, mayLeave, setDialog, setNotice, setError });

  // A new post opens at its top with the caret in Title: the first thing to write (EditorPane).
  const [titleFocus, setTitleFocus] = useState<string | null>(null);
  const createPost = useCallback(
    async (req: { title: string; section: string }) => {
      const path = await createPostOnly(req);
      if (path) setTitleFocus(path);
    },
    [createPostOnly],
  );
  const titleFocused = useCallback(() => setTitleFocus(null), []);

  const restore = useCallback(
    async (text: RestoredText) => {
      const root = siteRoot.current;
      if (!root || !(await mayLeave('restoring another post'))) return;
      await site.reload();
      await session.restore(text.path, root, text.raw, text.baseHash);
    },
    [mayLeave, session, site],
  );

  /** "Reload this post" after a region broke: the post opens again with the text it held. */
  const reloadPost = useCallback(async () => {
    const held = regions.held();
    const root = siteRoot.current;
    const p = sessionRef.current.post;
    if (!p || !root) return;
    if (held) {
      regions.release();
      // With the editor still working (another region broke), what the writer typed since counts.
      let raw = held.raw;
      const s = sessionRef.current;
      if (!held.editorLost && s.editor) {
        try {
          raw = composePost({ ...p.parts, frontMatter: s.frontMatter, body: s.editor.getBody() });
        } catch {}
      }
      await s.restore(held.path, root, raw, held.baseHash);
    } else await sessionRef.current.reloadFromDisk();
  }, [regions]);
  const regionProps = useMemo(() => ({ onError: regions.onRegionError, reloadPost }), [regions.onRegionError, reloadPost]);
  const onRegionError = regions.onRegionError;

  /** Turning draft off is the moment to look at the pre-publish checklist. */
  const changeFrontMatter = useCallback(
    (edited: string) => {
      const p = session.post;
      // A text box gives "\n" line endings whatever the file has: put the file's own back.
      const text = p && p.parts.frontMatter.includes('\r\n') && !edited.includes('\r') ? edited.replace(/\n/g, '\r\n') : edited;
      const tools = frontMatterToolsNow(); // loaded: the form that calls this comes from it
      if (p && tools && tools.draftOf(formatOf(p), session.frontMatter) === true && tools.draftOf(formatOf(p), text) !== true) {
        setPanel({ open: true, tab: 'checklist' });
      }
      session.setFrontMatter(text);
    },
    [session],
  );

  const bodyChanged = useCallback(() => {
    session.bodyChanged();
    liveBodyChanged();
  }, [session, liveBodyChanged]);

  const fixMojibake = useCallback(() => {
    const s = sessionRef.current;
    if (!s.post) return;
    const body = s.editor ? s.editor.getBody() : s.post.parts.body;
    const result = fixMojibakeInPost(s.frontMatter, body, s.editor);
    if (result.frontMatter !== s.frontMatter) changeFrontMatter(result.frontMatter);
    liveBodyChanged();
    if (result.leftInBody) setError(`${result.leftInBody} garbled characters are inside parts of the post that cannot be edited here (such as blocks shown as cards); they were left as they are.`);
  }, [changeFrontMatter, liveBodyChanged]);

  const jumpToHeading = useCallback(
    (item: OutlineItem) => {
      const items = live ? outlineOfPost(live.raw) : [];
      const index = Math.max(0, items.findIndex((h) => h.offset === item.offset));
      session.editor?.integration?.goToHeading(index, item.text);
    },
    [live, session.editor],
  );

  const closeFind = useCallback(() => {
    setFinding(false);
    session.editor?.integration?.clearFind();
    session.editor?.focus();
  }, [session.editor]);

  const closePreview = useCallback(() => {
    setPreviewing(false);
    session.editor?.focus();
  }, [session.editor]);
  // Another post, or none: preview mode ends with the post it showed.
  const previewedPath = session.post?.path;
  useEffect(() => setPreviewing(false), [previewedPath]);

  const takeTheirs = useCallback(() => {
    const p = session.post;
    setDialog(null);
    if (p) recovery.forget(p.path);
    void session.reloadFromDisk();
  }, [recovery, session]);

  const keepMine = useCallback(() => {
    setDialog(null);
    void session.keepMine();
  }, [session]);

  const currentText = useCallback(() => {
    const s = sessionRef.current;
    if (!s.post) return '';
    return composePost({ ...s.post.parts, frontMatter: s.frontMatter, body: s.editor ? s.editor.getBody() : s.post.parts.body });
  }, []);

  // The selection's counts: read from the editor when the document's selection moves. A caret
  // (every key typed) clears them at once: asking for an animation frame there would draw a
  // second frame after each key, and the browser then holds the next key's frame for the
  // display's beat (about 8 ms more per key on average). Only a real selection waits a frame,
  // for the editor to take it in.
  // A caret after a caret (every key typed) sets nothing: React's own check that the state is
  // unchanged does not always spare a render pass, and one ran on most keys (0.09 ms a key in
  // a trace of the 12 KB bench post).
  const editor = session.editor;
  const selectionShown = useRef(selection);
  selectionShown.current = selection;
  useEffect(() => {
    if (!editor?.integration) return setSelection('');
    let frame = 0;
    const onSelection = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      if (document.getSelection()?.isCollapsed ?? true) {
        if (selectionShown.current !== '') setSelection((selectionShown.current = ''));
        return;
      }
      frame = requestAnimationFrame(() => setSelection(editor.integration?.getSelectionText() ?? ''));
    };
    document.addEventListener('selectionchange', onSelection);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [editor]);

  const tabs = useMemo(
    () => (live ? sidePanelTabs({ live, title: title ?? undefined, onJumpToHeading: jumpToHeading, versions: versionActions }) : []),
    [live, title, jumpToHeading, versionActions],
  );

  // A stable callback for the (memoized) post list, reading the latest openPost when called.
  const openPostRef = useRef(openPost);
  openPostRef.current = openPost;
  const onOpenPost = useCallback((path: string) => void openPostRef.current(path), []);
  useLinkOpen(site.posts, session.post?.path ?? null, onOpenPost, setError);
  const newPostRef = useRef(newPost);
  newPostRef.current = newPost;
  const onNewPost = useCallback(() => void newPostRef.current(), []);

  // Once the list is on screen, fetch the editor's code while the writer picks a post.
  const hasSite = listedRoot !== null;
  useEffect(() => {
    if (!hasSite) return;
    const job = runWhenIdle(0, () => {
      // Fetched ahead only: a failure here is reported by the post's own open, which asks again.
      loadEditor().catch(() => {});
      loadFrontMatterTools().catch(() => {});
      void shortcodeInner();
      return null;
    });
    return () => job.cancel();
  }, [hasSite]);

  useGlobalKeys(() => void save(), session.isDirty, () => {
    if (!sessionRef.current.post) return false;
    if (finding) document.querySelector<HTMLInputElement>('.pw-find input[type="search"]')?.focus();
    else setFinding(true);
    return true;
  }, hasSite ? onNewPost : undefined);

  // The menu commands no panel or dialog took (menu-commands.ts): the shell's own.
  const shellCommands: Partial<Record<MenuCommand, MenuCommandHandler>> = {
    save: () => void save(),
    openSite: () => void openSite(),
    openRecentSite: (arg) => {
      if (arg) void openRecent(arg);
    },
    closePost: () => void closePost(),
    newPost: () => void newPost(),
  };

  const closeDialog = useCallback(() => setDialog(null), []);
  const reloadList = site.reload;
  // The trouble may have been found before this window listened: asked once per shown site.
  useEffect(() => {
    if (!listedRoot) return;
    let live = true;
    api.watchTrouble({}).then((t) => live && t && setWatchTrouble(t), () => {});
    return () => {
      live = false;
    };
  }, [listedRoot]);
  const checkChanges = useCallback(() => void reloadList(), [reloadList]);
  const folderDialog = useMemo(() => ({ open: openTypedFolder, cancel: () => setAskingForFolder(false) }), [openTypedFolder]);
  const shortcutsDialog = useMemo(() => ({ close: () => setShowingShortcuts(false) }), []);
  const compareActions = useMemo(() => ({ mine: currentText, keepMine, takeTheirs }), [currentText, keepMine, takeTheirs]);

  useMainEvents({
    siteOpened: (e) => void siteChanged(e.root, e.openPath),
    postsChanged: () => void site.reload(),
    watchTrouble: (e) => setWatchTrouble(e),
    postChangedOnDisk: (e) => {
      session.noteDiskChange(e);
      // Another program changed the post: its entry in the list follows (a removal also brings postsChanged).
      if (!e.deleted) void refreshPost(e.path);
    },
    // Menu commands are listed in shared/ipc/preload-api.ts; panels handle their own.
    menuCommand: (e) => shellCommands[e.command as MenuCommand]?.(e.arg),
  });

  useEffect(() => {
    document.title = title ? `${session.dirty ? '• ' : ''}${title} — Postwright` : 'Postwright';
  }, [title, session.dirty]);

  return (
    <RegionErrorContext.Provider value={onRegionError}>
    <div className={`app${hidden.postList ? ' post-list-hidden' : ''}${hidden.frontMatter ? ' front-matter-hidden' : ''}`}>
      <TopBar site={site.site} onOpenSite={() => void openSite()} />
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <PostImages session={session} siteRoot={listedRoot} onError={setError} mayLeave={mayLeave} onFrontMatterChange={changeFrontMatter}>
      <div className={`workspace${panel.open && tabs.length ? ' has-side-panel' : ''}`}>
        {site.site ? (
          <>
            <RegionBoundary region="post list" label="the post list" className="sidebar" onError={onRegionError} action={{ label: 'Reload the list', run: () => site.reload() }}>
              <Sidebar
                posts={site.posts}
                listing={site.listing}
                currentPath={session.post?.path ?? null}
                onOpen={onOpenPost}
                onNewPost={onNewPost}
                watchTrouble={watchTrouble && watchTrouble.root === site.site.root ? watchTrouble.message : null}
                onCheckChanges={checkChanges}
              />
            </RegionBoundary>
            <RegionBoundary region="editor" label="the editor" className="editor-pane" onError={onRegionError} action={{ label: 'Reload this post', run: reloadPost }} probe={false}>
            <EditorPane
              session={session}
              live={live}
              formData={formData}
              selection={selection}
              finding={finding}
              onSave={() => void save()}
              onBodyChanged={bodyChanged}
              onFrontMatterChange={changeFrontMatter}
              onFixMojibake={fixMojibake}
              onCloseFind={closeFind}
              onKeepMine={keepMine}
              onTakeTheirs={takeTheirs}
              onCompare={() => setDialog({ kind: 'compare' })}
              overlay={previewing && session.post && live ? <FullPreview postPath={session.post.path} raw={live.raw} title={title ?? undefined} onClose={closePreview} /> : null}
              regions={regionProps}
              focusTitleOf={titleFocus}
              onTitleFocused={titleFocused}
              commands={
                <div className="post-commands">
                  <PostActions disabled={!session.post} onDuplicate={() => void duplicatePost()} onRename={() => void askRename()} onDelete={() => setDialog({ kind: 'delete' })} />
                  <button type="button" className="icon-button" aria-label="Preview" title="Preview the post as the site shows it, over the whole editor (Esc returns)" aria-pressed={previewing} disabled={!session.post} onClick={() => setPreviewing((p) => !p)}>
                    <PreviewIcon />
                  </button>
                  <button type="button" className="icon-button" aria-pressed={panel.open} aria-label="Side panel" title={panel.open ? 'Hide the side panel' : 'Show the outline, checklist and preview'} disabled={!session.post} onClick={() => setPanel((p) => ({ ...p, open: !p.open }))}>
                    <SidePanelIcon />
                  </button>
                </div>
              }
            />
            </RegionBoundary>
            {panel.open && tabs.length > 0 && (
              <RegionBoundary region="side panel" label="the side panel" className="side-panel" onError={onRegionError} action={{ label: 'Show the panel again', run: () => {} }}>
                <SidePanel tabs={tabs} active={panel.tab} onSelect={(id) => setPanel({ open: true, tab: id as SidePanelTabId })} />
              </RegionBoundary>
            )}
          </>
        ) : (
          !site.loading && <WelcomePanel onOpenSite={() => void openSite()} />
        )}
      </div>
      </PostImages>
      <AppDialogs
        onRegionError={onRegionError}
        onError={setError}
        leave={leave}
        openFolder={askingForFolder ? folderDialog : null}
        dialog={dialog}
        closeDialog={closeDialog}
        post={session.post ? { path: session.post.path, title: title ?? session.post.path } : null}
        defaultSection={session.post ? sectionOf(session.post.path) || undefined : undefined}
        createPost={createPost}
        renamePost={renamePost}
        deletePost={(t) => void deletePost(t)}
        compare={compareActions}
        recovery={site.site ? recovery : null}
        restore={(t) => void restore(t)}
        shortcuts={showingShortcuts ? shortcutsDialog : null}
      />
    </div>
    </RegionErrorContext.Provider>
  );
}
