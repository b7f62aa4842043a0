// The centre of the window: toolbar and post commands, banners about the post (changed on
// disk, editing limits, garbled characters, find and replace), the front-matter form above the
// body, and the status bar with the counts.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
// The writing aids one by one (not their index), so the preview's Markdown renderer stays out of
// the first bundle.
import { CountsDisplay } from '../writing-aids/CountsDisplay';
import { FindReplaceBar } from '../writing-aids/FindReplaceBar';
import { MojibakeBanner } from '../writing-aids/MojibakeBanner';
import '../writing-aids/writing-aids.css';
import { useFrontMatterTools } from './front-matter-tools';
import { formatOf } from './post-format';
import type { PostSession } from './use-post-session';
import type { LivePost } from './use-live-post';
import { sectionOf, useFormImages, type FormData } from './use-form-data';
import { GalleryContext } from './post-images-context';
import { DiskChangeBanner } from './DiskChangeBanner';
import { PostBody } from './PostBody';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWholePostLoaded } from './use-whole-post';
import { api } from '../api';
import { RegionBoundary, type RegionErrorHandler } from './RegionBoundary';

interface Props {
  session: PostSession;
  live: LivePost | null;
  formData: FormData;
  selection: string;
  finding: boolean;
  /** Post actions and panel buttons, shown at the right of the toolbar. */
  commands: ReactNode;
  onSave(): void;
  onBodyChanged(): void;
  onFrontMatterChange(text: string): void;
  onFixMojibake(): void;
  onCloseFind(): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onCompare(): void;
  /** Preview mode, drawn over the whole editor area while it is on. */
  overlay?: ReactNode;
  /** What the form's and the editor's error boundaries do (App: use-region-errors.ts). */
  regions: { onError: RegionErrorHandler; reloadPost(): Promise<void> };
  /** A post just created: once its form is up, scroll to the top and put the caret in Title. */
  focusTitleOf?: string | null;
  onTitleFocused?(): void;
}

export function EditorPane(props: Props) {
  const { session, live, formData, selection, finding, commands, onSave, onBodyChanged, onFrontMatterChange, onFixMojibake, onCloseFind, regions } = props;
  const reload = { label: 'Reload this post', run: regions.reloadPost };
  // Who else hears of each change of the body (find and replace's message), without a render
  // per keystroke: listeners are called, nothing is set.
  const bodyListeners = useRef(new Set<() => void>());
  const bodyChanged = useCallback(() => {
    onBodyChanged();
    for (const l of bodyListeners.current) l();
  }, [onBodyChanged]);
  const onTextChange = useCallback((l: () => void) => {
    bodyListeners.current.add(l);
    return () => void bodyListeners.current.delete(l);
  }, []);
  const { post, editor } = session;
  const readText = useCallback(() => editor?.getText() ?? '', [editor]);
  const scroller = useRef<HTMLDivElement>(null);
  const focusEditor = useCallback(() => editor?.focus(), [editor]);
  // A post opened from the list (or the search) takes the caret into its text, so the writer
  // types at once; a caret already elsewhere (New post's Title, a dialog) is left where it is.
  const sessionReady = session.editorReady;
  const editorReady = useCallback(
    (handle: Parameters<typeof sessionReady>[0]) => {
      sessionReady(handle);
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.sidebar')) handle.focus();
    },
    [sessionReady],
  );
  const tools = useFrontMatterTools();
  const format = post ? formatOf(post) : 'none';
  const problem = useMemo(() => (post && tools ? tools.frontMatterProblem(format, session.frontMatter, post.file.frontMatterError) : null), [tools, post, format, session.frontMatter]);
  // Lines counted in the file, not in the front matter's text, as an editor shows them. Kept
  // stable so the (memoized) form does not re-render on every pause in typing.
  const head = post?.parts.head;
  const structureError = useMemo(() => (problem && head !== undefined ? { ...problem, line: problem.line + (head.match(/\n/g)?.length ?? 0) } : null), [problem, head]);
  // The body is read-only while the front matter cannot be read: nothing is saved until it can.
  const readOnly = problem !== null;
  const integration = editor?.integration;
  const noMatches = { count: 0, current: 0 };
  const wholePost = useWholePostLoaded(editor);
  // The images the form offers, asked again whenever the gallery's are (imports, renames).
  const galleryKey = useContext(GalleryContext)?.refreshKey ?? null;
  const pics = useFormImages(post?.path ?? null, galleryKey);
  // The slug field is checked against the other posts of its section (Hugo's addresses are
  // section/slug by default), with the check Rename uses.
  const postPath = post?.path ?? null;
  const checkSlug = useCallback(
    (slug: string) =>
      postPath ? api.checkSlug({ slug, path: postPath }).then((r) => r.unique || r.usedBy === null || sectionOf(r.usedBy) !== sectionOf(postPath)) : Promise.resolve(true),
    [postPath],
  );

  // Another post starts at its top (the scroll box is shared by every post; a reload of the
  // same post keeps the writer's place).
  const openPath = post?.path ?? null;
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [openPath]);
  const { focusTitleOf, onTitleFocused } = props;
  const formUp = post !== null && tools !== null;
  useEffect(() => {
    if (!focusTitleOf || !formUp || openPath !== focusTitleOf) return;
    const title = titleInput(scroller.current);
    if (!title) return;
    scroller.current?.scrollTo({ top: 0 });
    title.focus({ preventScroll: true });
    onTitleFocused?.();
  }, [focusTitleOf, formUp, openPath, onTitleFocused]);

  return (
    <main className="editor-pane" aria-label="Editor">
      {props.overlay}
      <div className="editor-top">
        <Toolbar commands={editor && !session.unsafeReason && !readOnly ? editor.commands : null} postPath={postPath} onAfterCommand={focusEditor} />
        {commands}
        <button type="button" className="primary save-button" onClick={onSave} disabled={!post} aria-keyshortcuts="Control+S Meta+S" title="Save (Ctrl+S)">
          Save
        </button>
      </div>
      <div className="editor-banners">
        {session.diskChange && <DiskChangeBanner change={session.diskChange} onTakeTheirs={props.onTakeTheirs} onKeepMine={props.onKeepMine} onCompare={props.onCompare} />}
        {session.unsafeReason && (
          <div className="banner" role="region" aria-label="Editing limits">
            <span>The text of this post is shown read-only, because editing it here could change parts you did not touch: {session.unsafeReason} The front matter can still be edited.</span>
          </div>
        )}
        {live && !readOnly && (
          <div className="banner-slot">
            <MojibakeBanner text={live.raw} onFix={onFixMojibake} />
          </div>
        )}
        {finding && post && (
          <FindReplaceBar
            onFind={(query, opts) => integration?.find({ query, ...opts }) ?? noMatches}
            onNext={() => integration?.findNext() ?? noMatches}
            onPrevious={() => integration?.findPrevious() ?? noMatches}
            onReplace={(text) => (readOnly || session.unsafeReason ? noMatches : (integration?.replaceCurrent(text) ?? noMatches))}
            onReplaceAll={(text) => (readOnly || session.unsafeReason ? 0 : (integration?.replaceAll(text) ?? 0))}
            onClose={onCloseFind}
            onTextChange={onTextChange}
            readText={readText}
          />
        )}
      </div>
      {/* The frame is a layout root (styles/app.css): a key relays out the post's text from
          here down, not from the window's root through the panels. */}
      <div className="editor-scroll-box">
      <div className="editor-scroll-frame">
      <div className="editor-scroll" ref={scroller}>
        {post && tools ? (
          <article className="sheet" key={`${post.path}#${post.generation}`}>
            <a
              className="skip-link"
              href="#post-text"
              onClick={(e) => {
                e.preventDefault();
                focusEditor();
              }}
            >
              Skip to post text
            </a>
            <div className="front-matter-card">
              {format === 'none' && !problem ? (
                <p className="fm-note">This post has no fields at the top (title, date…).</p>
              ) : format === 'none' && problem ? (
                <div role="alert" className="fm-problem fm-structure">
                  <strong>The fields at the top of this post cannot be read, so the post is read-only.</strong>
                  <p>
                    Line {problem.line}, column {problem.column}: {problem.message}
                  </p>
                  <p>Open the file in a text editor to add the missing line. Nothing is saved until it reads correctly.</p>
                </div>
              ) : (
                <RegionBoundary region="form" label="the form" onError={regions.onError} action={reload}>
                <tools.FrontMatterForm
                  format={format}
                  frontMatter={session.frontMatter}
                  schema={formData.schema}
                  suggestions={formData.suggestions}
                  images={pics.images}
                  existingImages={pics.existingImages}
                  checkSlug={checkSlug}
                  structureError={structureError}
                  onChange={onFrontMatterChange}
                />
                </RegionBoundary>
              )}
            </div>
            <RegionBoundary region="editor" label="the editor" onError={regions.onError} action={reload}>
            <PostBody
              key={readOnly ? 'read-only' : 'editable'}
              body={post.editorBody ?? post.parts.body}
              postPath={post.path}
              readOnly={readOnly}
              onReady={editorReady}
              onGone={session.editorGone}
              onChange={bodyChanged}
            />
            </RegionBoundary>
          </article>
        ) : post ? null : (
          <div className="empty-state">
            <p>Choose a post on the left to start writing.</p>
          </div>
        )}
      </div>
      </div>
      </div>
      <StatusBar
        hasPost={post !== null}
        dirty={session.dirty}
        saveState={session.saveState}
        words={session.words}
        path={post?.path ?? null}
        readingRest={post !== null && editor !== null && !wholePost}
        counts={live ? <CountsDisplay body={live.body} selection={selection} /> : undefined}
      />
    </main>
  );
}

/** The front-matter form's title field (its label is tied to `<id>-title`, the field's key). */
function titleInput(root: HTMLElement | null): HTMLInputElement | null {
  const label = [...(root?.querySelectorAll<HTMLLabelElement>('.front-matter-card label') ?? [])].find((l) => /-title$/i.test(l.htmlFor));
  const el = label ? root?.ownerDocument.getElementById(label.htmlFor) : null;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el as HTMLInputElement) : null;
}
