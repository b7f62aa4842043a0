// The image srcs of the open post that point at nothing (files not on disk, paths leaving the
// site), from the gallery service, so the editor can flag their cards. Asked again when the
// post is opened, saved (its hash) or images were imported (`key`); the editor is told to redraw.
import { useEffect, useRef } from 'react';
import { api } from '../api';
import type { PostEditorHandle } from '../editor/types';

export function useMissingImages(postPath: string | null, key: unknown, editor: PostEditorHandle | null): (src: string) => boolean {
  const missing = useRef<ReadonlySet<string>>(new Set());
  const editorRef = useRef(editor);
  editorRef.current = editor;

  useEffect(() => {
    missing.current = new Set();
    if (!postPath) return;
    let stale = false;
    api.listGallery({ postPath }).then(
      (listing) => {
        if (stale) return;
        const srcs = [
          ...listing.images.filter((i) => i.missing).flatMap((i) => i.usages.map((u) => u.src)),
          ...listing.others.filter((o) => o.status === 'outside').map((o) => o.src),
        ];
        missing.current = new Set(srcs);
        editorRef.current?.refreshMissing?.();
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [postPath, key]);

  // A new editor (post reopened, read-only switch) asks again for its own cards.
  useEffect(() => {
    if (missing.current.size) editor?.refreshMissing?.();
  }, [editor]);

  const isMissing = useRef((src: string) => missing.current.has(src.trim()));
  return isMissing.current;
}
