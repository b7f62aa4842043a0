// Whether the open post is all in the editor yet. A long post opens with its start and reads the
// rest in the background (engine/progressive-open.ts): the status bar says so.
import { useEffect, useState } from 'react';
import type { PostEditorHandle } from '../editor/types';

export function useWholePostLoaded(editor: PostEditorHandle | null): boolean {
  const [loadedFor, setLoadedFor] = useState<PostEditorHandle | null>(null);
  useEffect(() => {
    if (!editor?.whenLoaded) return;
    let live = true;
    void editor.whenLoaded.then(() => {
      if (live) setLoadedFor(editor);
    });
    return () => {
      live = false;
    };
  }, [editor]);
  return !editor?.whenLoaded || loadedFor === editor;
}
