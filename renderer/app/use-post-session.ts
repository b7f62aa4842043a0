// The post session for React: the store (post-session-store.ts) read through
// useSyncExternalStore, with its actions. The store lives as long as the component that made it;
// code that runs outside rendering calls the actions, which read the store's current state.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PostEditorHandle } from '../editor/types';
import { api } from '../api';
import { createPostSessionStore, sessionDirty, type DiskChange, type LoadedPost, type PostSessionStore, type SaveState } from './post-session-store';

export type { DiskChange, LoadedPost, SaveState } from './post-session-store';

/** The store's actions (their documentation is there), as the app's components call them. */
type PostSessionActions = Pick<
  PostSessionStore,
  | 'open'
  | 'restore'
  | 'close'
  | 'save'
  | 'setFrontMatter'
  | 'editorReady'
  | 'editorGone'
  | 'bodyWhenGone'
  | 'bodyChanged'
  | 'reloadFromDisk'
  | 'keepMine'
  | 'noteDiskChange'
  | 'isDirty'
>;

export interface PostSession extends PostSessionActions {
  post: LoadedPost | null;
  frontMatter: string;
  dirty: boolean;
  saveState: SaveState;
  /** Null while the post's words are being counted (in idle time, after it opened). */
  words: number | null;
  diskChange: DiskChange | null;
  unsafeReason: string | null;
  editor: PostEditorHandle | null;
}

export function usePostSession(onError: (message: string | null) => void): PostSession {
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const [store] = useState(() => createPostSessionStore({ api, onError: (m) => onErrorRef.current(m) }));
  useEffect(() => () => store.dispose(), [store]);
  const s = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(
    () => ({
      post: s.post,
      frontMatter: s.frontMatter,
      dirty: sessionDirty(s),
      saveState: s.saveState,
      words: s.words,
      diskChange: s.diskChange,
      editor: s.editor,
      unsafeReason: s.editor?.unsafeReason ?? null,
      open: store.open,
      restore: store.restore,
      close: store.close,
      save: store.save,
      setFrontMatter: store.setFrontMatter,
      editorReady: store.editorReady,
      editorGone: store.editorGone,
      bodyWhenGone: store.bodyWhenGone,
      bodyChanged: store.bodyChanged,
      reloadFromDisk: store.reloadFromDisk,
      keepMine: store.keepMine,
      noteDiskChange: store.noteDiskChange,
      isDirty: store.isDirty,
    }),
    [s, store],
  );
}
