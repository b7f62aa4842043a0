// Images of the open post, wired into the shell: photos dropped on or pasted into the editor are
// imported into the post's bundle (with a progress bar), the writer is asked for alt text, and
// each is inserted where it was dropped (or at the cursor) in the site's style. It also provides
// the gallery tab's callbacks, the missing-image flags of the editor and the post list's counts
// (see post-images-context.ts), and keeps a file dropped outside the editor from replacing the
// page (which would lose the writer's text).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { imageSnippet, type InsertStyle } from '../../shared/images/snippet';
import { api } from '../api';
import { AltTextDialog } from '../gallery/AltTextDialog';
import { fileToPayload } from '../gallery/read-files';
import { describeError } from '../ui/describe-error';
import { BrokenImagesContext, EditorImageContext, GalleryContext, type EditorImageHooks, type GalleryHooks } from './post-images-context';
import type { PostSession } from './use-post-session';
import { useBrokenImages } from './use-broken-images';
import { useMissingImages } from './use-missing-images';
import './post-images.css';

interface Props {
  session: PostSession;
  siteRoot: string | null;
  onError(message: string | null): void;
  /** Asks to save unsaved changes before `doing`; false when the writer cancelled. */
  mayLeave(doing: string): Promise<boolean>;
  /** How the shell changes the front matter text (defaults to the session's setter). */
  onFrontMatterChange?(text: string): void;
  children: ReactNode;
}

interface AltQuestion {
  postPath: string;
  name: string;
  src: string;
  style: InsertStyle;
  /** Where to insert: a document position (a drop) or the cursor. */
  at: number | 'cursor';
}

export function PostImages({ session, siteRoot, onError, mayLeave, onFrontMatterChange, children }: Props) {
  const { post, editor } = session;
  const postPath = post?.path ?? null;
  const [progress, setProgress] = useState<{ done: number; total: number; label?: string } | null>(null);
  const [questions, setQuestions] = useState<AltQuestion[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  /** Bumped after imports and renames: gallery, flags and counts look again. */
  const [imports, setImports] = useState(0);
  const importing = useRef(false);

  const latest = useRef({ session, onError, mayLeave, onFrontMatterChange });
  latest.current = { session, onError, mayLeave, onFrontMatterChange };

  const filesKey = `${post?.hash ?? ''}#${imports}`;
  const missingImages = useMissingImages(postPath, filesKey, editor);
  const broken = useBrokenImages(siteRoot, filesKey);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.task === 'import' && importing.current) setProgress({ done: p.done, total: p.total, label: p.label });
      }),
    [],
  );

  // A file dropped anywhere but on a drop target must not open in the window.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    const drop = (e: DragEvent) => {
      if (hasFiles(e) && !e.defaultPrevented) e.preventDefault();
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const importAndAsk = useCallback(async (files: File[], at: number | 'cursor') => {
    const path = latest.current.session.post?.path;
    if (!files.length || !path || importing.current) return;
    importing.current = true;
    setRefused([]);
    setProgress({ done: 0, total: files.length });
    try {
      const payload = await Promise.all(files.map(fileToPayload));
      const result = await api.importImages({ postPath: path, files: payload });
      setRefused(result.refused.map((r) => r.message));
      setQuestions(result.imported.map((i) => ({ postPath: path, name: i.name, src: i.src, style: result.insertStyle, at })));
      setImports((n) => n + 1);
    } catch (e) {
      latest.current.onError(describeError(e));
    } finally {
      importing.current = false;
      setProgress(null);
    }
  }, []);

  const editorHooks = useMemo<EditorImageHooks>(
    () => ({
      onFilesDropped: (files, pos) => void importAndAsk(files, pos),
      onFilesPasted: (files) => void importAndAsk(files, 'cursor'),
      isMissing: missingImages.isMissing,
      holdBack: missingImages.holdBack,
    }),
    [importAndAsk, missingImages],
  );

  const insert = useCallback((markdown: string, at: number | 'cursor'): number | null => {
    const h = latest.current.session.editor;
    const next = h?.insertMarkdownAt?.(at, markdown) ?? null;
    if (next === null) latest.current.onError('The image is in the post’s folder but could not be placed in the text, because the text is read-only. Insert it from the gallery later.');
    return next;
  }, []);

  const answer = (alt: string | null) => {
    const [q, ...rest] = questions;
    if (!q) return;
    let following = rest;
    if (alt !== null && latest.current.session.post?.path === q.postPath) {
      const next = insert(imageSnippet(q.style, q.src, alt), q.at);
      // The next photo of the same drop goes right after this one.
      if (next !== null && typeof q.at === 'number') following = rest.map((r) => (r.at === q.at ? { ...r, at: next } : r));
    }
    setQuestions(following);
    if (!following.length) latest.current.session.editor?.focus();
  };

  const gallery = useMemo<GalleryHooks>(
    () => ({
      refreshKey: filesKey,
      onInsert: (markdown) => void insert(markdown, 'cursor'),
      onSetPostImage: async (src) => {
        const { session: s, onError: err, onFrontMatterChange: change } = latest.current;
        const p = s.post;
        if (!p) return;
        if (p.file.format === 'none') return err('This post has no fields at the top (title, date…), so it cannot have a post image. Add a title first.');
        try {
          // The front-matter engine (YAML, TOML parsers) is loaded on first use, not with the list.
          const { setField } = await import('../../shared/frontmatter/edit');
          // Only the `images` line changes: the engine edits the text in place and checks the result.
          const text = setField(p.file.format, s.frontMatter, ['images'], [src]);
          (change ?? s.setFrontMatter)(text);
          err(null);
        } catch (e) {
          err(describeError(e));
        }
      },
      beforePostRewrite: async () => {
        if (!(await latest.current.mayLeave('renaming the image'))) throw new Error('The image was not renamed: the post has unsaved changes.');
      },
      onImagesChanged: () => setImports((n) => n + 1),
      onPostRewritten: () => {
        setImports((n) => n + 1);
        void latest.current.session.reloadFromDisk();
      },
    }),
    [filesKey, insert],
  );

  const question = questions[0];
  return (
    <EditorImageContext.Provider value={editorHooks}>
      <GalleryContext.Provider value={gallery}>
        <BrokenImagesContext.Provider value={broken}>
          {children}
          {progress && (
            <div className="image-import-progress" role="group" aria-label="Image import">
              <progress aria-label="Importing images" value={progress.done} max={progress.total} />
              <span>
                Importing {progress.done} of {progress.total}
                {progress.label ? ` — ${progress.label}` : ''}
              </span>
            </div>
          )}
          {refused.length > 0 && (
            <div role="alert" className="error-alert image-import-refused">
              <ul className="error-text">
                {refused.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
              <button type="button" className="quiet" onClick={() => setRefused([])}>
                Dismiss
              </button>
            </div>
          )}
          {question && (
            <AltTextDialog key={`${question.src}#${questions.length}`} name={question.name} initialAlt="" queued={questions.length > 1} onInsert={(alt) => answer(alt)} onCancel={() => answer(null)} />
          )}
        </BrokenImagesContext.Provider>
      </GalleryContext.Provider>
    </EditorImageContext.Provider>
  );
}
