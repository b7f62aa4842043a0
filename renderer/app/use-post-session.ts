// The post session for React: the store (post-session-store.ts) read through
// useSyncExternalStore, with its actions. The store lives as long as the component that made it;
// code that runs outside rendering calls the actions, which read the store's current state.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { EventPayload } from '../../shared/ipc/events';
import type { PostEditorHandle } from '../editor/types';
import { api } from '../api';
import { createPostSessionStore, sessionDirty, type DiskChange, type LoadedPost, type SaveState } from './post-session-store';

export type { DiskChange, LoadedPost, SaveState } from './post-session-store';

export interface PostSession {
  post: LoadedPost | null;
  frontMatter: string;
  dirty: boolean;
  saveState: SaveState;
  /** Null while the post's words are being counted (in idle time, after it opened). */
  words: number | null;
  diskChange: DiskChange | null;
  unsafeReason: string | null;
  editor: PostEditorHandle | null;
  open(path: string, siteRoot: string): Promise<boolean>;
  /** Opens a post with unsaved text (from the recovery journal) on top of the file on disk. */
  restore(path: string, siteRoot: string, raw: string, baseHash: string): Promise<boolean>;
  close(): void;
  save(currentSiteRoot: string | null): Promise<boolean>;
  setFrontMatter(text: string): void;
  editorReady(handle: PostEditorHandle): void;
  editorGone(handle: PostEditorHandle): void;
  /** The edited body of the open post's editor when it went away (see post-session-store.ts). */
  bodyWhenGone(): string | null | undefined;
  bodyChanged(): void;
  reloadFromDisk(): Promise<void>;
  keepMine(): Promise<void>;
  noteDiskChange(e: EventPayload<'postChangedOnDisk'>): void;
  /** Up to date even between renders (for key handlers and beforeunload). */
  isDirty(): boolean;
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
