// Mounts the post editor (Milkdown, from the editor engine) for one post body. It is keyed by
// the caller on post + generation, so opening or reloading a post builds a fresh editor and a
// stale one being created asynchronously is destroyed, never shown.
import { useEffect, useRef, useState } from 'react';
import { createPostEditor } from '../editor/post-editor';
import type { PostEditorHandle } from '../editor/types';
import { api } from '../api';

interface Props {
  body: string;
  postPath: string;
  onReady(handle: PostEditorHandle): void;
  onGone(handle: PostEditorHandle): void;
  onChange(): void;
}

export function PostBody({ body, postPath, onReady, onGone, onChange }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The latest callbacks, read at call time, so the editor is not rebuilt when they change.
  const callbacks = useRef({ onReady, onGone, onChange });
  callbacks.current = { onReady, onGone, onChange };

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let handle: PostEditorHandle | null = null;
    let cancelled = false;
    createPostEditor({
      root: el,
      body,
      postPath,
      assetUrl: (p) => api.assetUrl(p),
      onChange: () => callbacks.current.onChange(),
    }).then(
      (h) => {
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
      <div ref={root} className="post-body" />
    </>
  );
}
