// The image srcs of the open post that point at nothing (files not on disk, paths leaving the
// site), from the gallery service, so the editor can flag their cards and not load them (a
// missing file would only fetch a 404). Asked again when the post is opened, saved (its hash)
// or images were imported (`key`); the editor is then told to redraw its flags.
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api';
import type { PostEditorHandle } from '../editor/types';

export interface MissingImages {
  isMissing(src: string): boolean;
  /** Missing, or not known yet for the open post: the editor does not load it yet. */
  holdBack(src: string): boolean;
}

export function useMissingImages(postPath: string | null, key: unknown, editor: PostEditorHandle | null): MissingImages {
  const missing = useRef<ReadonlySet<string>>(new Set());
  const asked = useRef<{ id: string; done: Promise<void> } | null>(null);
  /** The post whose missing images are known (answered at least once). */
  const knownPath = useRef<string | null>(null);
  const currentPath = useRef(postPath);
  currentPath.current = postPath;
  const keyRef = useRef(key);
  keyRef.current = key;
  const editorRef = useRef(editor);
  editorRef.current = editor;

  // Asked once per post and key; the editor (mounted first: child effects run before ours)
  // and this hook share the answer.
  const load = useCallback((path: string): Promise<void> => {
    const id = `${path}#${String(keyRef.current)}`;
    if (asked.current?.id === id) return asked.current.done;
    const done = api.listGallery({ postPath: path }).then(
      (listing) => {
        if (asked.current?.id !== id) return;
        missing.current = new Set([
          ...listing.images.filter((i) => i.missing).flatMap((i) => i.usages.map((u) => u.src.trim())),
          ...listing.others.filter((o) => o.status === 'outside').map((o) => o.src.trim()),
        ]);
        knownPath.current = path;
        editorRef.current?.refreshMissing?.();
      },
      () => {
        // No answer: show the images (a missing one fetches a 404, nothing worse).
        if (asked.current?.id === id) knownPath.current = path;
        editorRef.current?.refreshMissing?.();
      },
    );
    asked.current = { id, done };
    return done;
  }, []);

  useEffect(() => {
    if (postPath) void load(postPath);
    else missing.current = new Set();
  }, [postPath, key, load]);

  // A new editor (post reopened, read-only switch) redraws its flags.
  useEffect(() => {
    if (missing.current.size) editor?.refreshMissing?.();
  }, [editor]);

  const stable = useRef<MissingImages>({
    isMissing: (src) => missing.current.has(src.trim()),
    holdBack: (src) => knownPath.current !== currentPath.current || missing.current.has(src.trim()),
  });
  return stable.current;
}
