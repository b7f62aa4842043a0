// Mounts the post editor (Milkdown, from the editor engine) for one post body. It is keyed by
// the caller on post + generation, so opening or reloading a post builds a fresh editor and a
// stale one being created asynchronously is destroyed, never shown.
// The editor engine (Milkdown, most of the app's code) is loaded on demand, so the post list
// paints without waiting for it; loadEditor() fetches it early, once the list is on screen.
import { imageChoices } from '../editor/views/image-choices';
import { memo, useContext, useLayoutEffect, useRef, useState } from 'react';
import type { PostEditorHandle } from '../editor/types';
import { api } from '../api';
import { shortcodeInner } from './shortcode-inner-cache';
import { EditorImageContext } from './post-images-context';
import { LONG_POST_CHARS } from '../editor/long-post';
import './long-post.css';


let editorModule: Promise<typeof import('../editor/post-editor')> | null = null;

/** Loads (once) the editor engine's code. */
export function loadEditor(): Promise<typeof import('../editor/post-editor')> {
  // A failed load (the host went away for a moment) is not kept: the next post opened tries again.
  editorModule ??= import('../editor/post-editor').catch((e: unknown) => {
    editorModule = null;
    throw e;
  });
  return editorModule;
}

interface Props {
  body: string;
  postPath: string;
  /** Fixed per mount: the caller remounts (key) to change it. */
  readOnly?: boolean;
  onReady(handle: PostEditorHandle): void;
  onGone(handle: PostEditorHandle): void;
  onChange(): void;
}

// Memoized: the body does not change while the post is open, so the status bar's updates
// re-render nothing here.
export const PostBody = memo(function PostBody({ body, postPath, readOnly, onReady, onGone, onChange }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The latest callbacks, read at call time, so the editor is not rebuilt when they change.
  const callbacks = useRef({ onReady, onGone, onChange });
  callbacks.current = { onReady, onGone, onChange };
  // Dropped and pasted photos, missing-image flags (PostImages.tsx), read at call time too.
  const imageHooks = useContext(EditorImageContext);
  const images = useRef(imageHooks);
  images.current = imageHooks;

  // A layout effect: the editor is built in the same task as the post's panels, before the
  // browser paints them without it (one frame and one layout less on every open).
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    let handle: PostEditorHandle | null = null;
    let cancelled = false;
    // The editor shows the post at once; its images load once the app knows which exist
    // (holdBack), so a missing one never fetches a 404.
    // What the site's paired shortcodes hold: asked for once per site (shortcode-inner-cache.ts).
    Promise.all([loadEditor(), shortcodeInner()])
      .then(([{ createPostEditor }, shortcodeInner]) =>
        cancelled
          ? null
          : createPostEditor({
              root: el,
              body,
              postPath,
              readOnly,
              shortcodeInner,
              assetUrl: (p) => api.assetUrl(p),
              listShortcodes: () => api.listShortcodes({}),
              listPostImages: () => api.listGallery({ postPath }).then(imageChoices),
              onChange: () => callbacks.current.onChange(),
              onFilesDropped: (files, pos) => images.current?.onFilesDropped(files, pos),
              onFilesPasted: (files) => images.current?.onFilesPasted(files),
              isMissing: (src) => images.current?.isMissing(src) ?? false,
              holdBack: (src) => images.current?.holdBack(src) ?? false,
            }),
      )
      .then(
        (h) => {
          if (!h) return;
          if (cancelled) return h.destroy();
          handle = h;
          callbacks.current.onReady(h);
        },
        (e: unknown) => {
          if (!cancelled) setProblem(`The editor could not show this post: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    return () => {
      cancelled = true;
      if (handle) {
        callbacks.current.onGone(handle);
        handle.destroy();
      }
      el.replaceChildren();
    };
    // Built once per mount: the caller remounts (key) for another post or a reload.
  }, []);

  return (
    <>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div ref={root} className={body.length > LONG_POST_CHARS ? 'post-body is-long' : 'post-body'} />
    </>
  );
});
