// The post being edited: what is on disk (as parts, with its hash), the front matter as the
// writer is changing it, the editor's handle, and whether anything is unsaved. A save writes
// head + front matter + closing delimiter + body, where every part the writer did not touch
// is the exact text read from disk, so saving an untouched post writes the same bytes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PostFile } from '../../shared/ipc/channels/posts';
import type { PostEditorHandle } from '../editor/types';
import type { EventPayload } from '../../shared/ipc/events';
import { api } from '../api';
import { composePost, splitPost, type PostParts } from './compose-raw';
import { WordCounter } from './word-count';
import { runWhenIdle, type IdleJob } from './idle-work';
import { describeError } from '../ui/describe-error';
import { detailsOf } from '../../shared/ipc/errors';

export interface LoadedPost {
  path: string;
  /** The site the post belongs to: a save never goes to another site opened meanwhile. */
  siteRoot: string;
  file: PostFile;
  /** The file as it is on disk now (after our own saves). */
  parts: PostParts;
  hash: string;
  /** Front matter as loaded, so a field set back to its old value gets its old line back. */
  loadedFrontMatter: string;
  /** Changes whenever the editor must be rebuilt from `parts.body` (open, reload). */
  generation: number;
  savedOnce: boolean;
  /** Set by "keep my version": the next save writes even if this text equals what was loaded. */
  overwrite: boolean;
  /** The body the editor starts from when it is not the one on disk (text restored from the journal). */
  editorBody?: string;
}

export type SaveState = 'idle' | 'saving' | 'saved';
export type DiskChange = { deleted: boolean };

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
  bodyChanged(): void;
  reloadFromDisk(): Promise<void>;
  keepMine(): Promise<void>;
  noteDiskChange(e: EventPayload<'postChangedOnDisk'>): void;
  /** Up to date even between renders (for key handlers and beforeunload). */
  isDirty(): boolean;
}

const CHECK_DELAY_MS = 120;
/** The word count follows when the writer pauses: counting never competes with typing. */
const COUNT_DELAY_MS = 800;
let generations = 0;

export function usePostSession(onError: (message: string | null) => void): PostSession {
  const [post, setPostState] = useState<LoadedPost | null>(null);
  const [frontMatter, setFrontMatterState] = useState('');
  const [bodyDirty, setBodyDirtyState] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [words, setWords] = useState<number | null>(null);
  const [diskChange, setDiskChange] = useState<DiskChange | null>(null);
  const [editor, setEditor] = useState<PostEditorHandle | null>(null);

  // Mirrors of the state for code that runs outside React's render (events, timers, saves).
  const postRef = useRef<LoadedPost | null>(null);
  const fmRef = useRef('');
  const bodyDirtyRef = useRef(false);
  const editorRef = useRef<PostEditorHandle | null>(null);
  const savingRef = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const counter = useRef(new WordCounter());
  const idleJob = useRef<IdleJob | null>(null);
  /** Body changes so far, and how many of them the last save holds. */
  const changes = useRef(0);
  const savedChanges = useRef(0);

  const setPost = (p: LoadedPost | null) => {
    postRef.current = p;
    setPostState(p);
  };
  const setFm = (t: string) => {
    fmRef.current = t;
    setFrontMatterState(t);
  };
  const setBodyDirty = (d: boolean) => {
    bodyDirtyRef.current = d;
    setBodyDirtyState(d);
  };

  /** Whether the editor's body differs from what is on disk now. */
  const measureBody = useCallback((): boolean => {
    const h = editorRef.current;
    const p = postRef.current;
    if (!h || !p) return false;
    return p.savedOnce ? h.getBody() !== p.parts.body : h.isDirty();
  }, []);

  /**
   * The status bar's "unsaved changes", cheaply: before the first save the editor compares its
   * blocks with the loaded ones (by identity, so no text is looked at); after a save, comparing
   * would mean writing out the whole body, so any change since the save counts until the exact
   * check in idle time (countLater) says the text is back to what was saved.
   */
  const checkDirty = useCallback(() => {
    const h = editorRef.current;
    const p = postRef.current;
    if (!h || !p) return;
    setBodyDirty(p.savedOnce ? changes.current !== savedChanges.current : h.isDirty());
  }, []);

  /** Word count (and the exact dirty check after a save) once the writer pauses, in idle time. */
  const countLater = useCallback((delay: number) => {
    idleJob.current?.cancel();
    idleJob.current = runWhenIdle(delay, () => {
      const h = editorRef.current;
      const p = postRef.current;
      if (!h || !p) return null;
      if (p.savedOnce && bodyDirtyRef.current) setBodyDirty(measureBody());
      const count = counter.current.begin(h.getText());
      return (deadline) => {
        const n = count.step(deadline);
        if (n === null) return false;
        if (editorRef.current === h) setWords(n);
        return true;
      };
    });
  }, [measureBody]);

  const bodyChanged = useCallback(() => {
    changes.current++;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(checkDirty, CHECK_DELAY_MS);
    countLater(COUNT_DELAY_MS);
  }, [checkDirty, countLater]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    idleJob.current?.cancel();
  }, []);

  const load = useCallback(async (path: string, siteRoot: string): Promise<boolean> => {
    try {
      const file = await api.readPost({ path });
      const parts = splitPost(file.raw);
      setPost({ path, siteRoot, file, parts, hash: file.hash, loadedFrontMatter: parts.frontMatter, generation: ++generations, savedOnce: false, overwrite: false });
      setFm(parts.frontMatter);
      setBodyDirty(false);
      setSaveState('idle');
      setDiskChange(null);
      // Counted once the editor is up, in idle time: counting a long post here would delay it.
      setWords(null);
      onError(null);
      return true;
    } catch (e) {
      onError(describeError(e));
      return false;
    }
  }, [onError]);

  const restore = useCallback(async (path: string, siteRoot: string, raw: string, baseHash: string): Promise<boolean> => {
    try {
      const file = await api.readPost({ path });
      const parts = splitPost(file.raw);
      const mine = splitPost(raw);
      // The editor starts from the restored body while `parts` stays the disk's: savedOnce makes
      // the dirty checks compare the editor's body with the disk's, and until the first save
      // every check says "unsaved". The hash is the one the text was based on, so a file
      // changed meanwhile is never overwritten without asking.
      savedChanges.current = -1;
      setPost({ path, siteRoot, file, parts, hash: baseHash, loadedFrontMatter: parts.frontMatter, generation: ++generations, savedOnce: true, overwrite: false, editorBody: mine.body });
      setFm(mine.frontMatter);
      setBodyDirty(mine.body !== parts.body);
      setSaveState('idle');
      setDiskChange(null);
      setWords(null);
      onError(null);
      return true;
    } catch (e) {
      onError(describeError(e));
      return false;
    }
  }, [onError]);

  const close = useCallback(() => {
    setPost(null);
    setFm('');
    setBodyDirty(false);
    setSaveState('idle');
    setDiskChange(null);
  }, []);

  const save = useCallback(async (currentSiteRoot: string | null): Promise<boolean> => {
    if (savingRef.current) await savingRef.current;
    const p = postRef.current;
    if (!p) return true;
    const bodyNowDirty = measureBody();
    if (!p.overwrite && !bodyNowDirty && fmRef.current === p.parts.frontMatter) {
      // Nothing to write: the file on disk already holds exactly this text.
      setBodyDirty(false);
      return true;
    }
    if (currentSiteRoot !== p.siteRoot) {
      onError('This post belongs to a site that is no longer open, so it cannot be saved there. Copy your text, then reopen that site.');
      return false;
    }
    const h = editorRef.current;
    if (bodyNowDirty && h?.unsafeReason) {
      onError(`The text cannot be saved without changing parts you did not edit: ${h.unsafeReason} Nothing was written.`);
      return false;
    }
    const body = bodyNowDirty && h ? h.getBody() : p.parts.body;
    const changesInSave = changes.current;
    const raw = composePost({ ...p.parts, frontMatter: fmRef.current, body });
    setSaveState('saving');
    const run = (async () => {
      try {
        const res = await api.savePost({ path: p.path, raw, bom: p.file.bom, expectedHash: p.hash });
        const current = postRef.current;
        if (current && current.path === p.path && current.generation === p.generation) {
          setPost({ ...current, parts: splitPost(raw), hash: res.hash, savedOnce: true, overwrite: false });
          savedChanges.current = changesInSave;
          // The writer may have typed while the save was on its way: measure again.
          setBodyDirty(measureBody());
        }
        setSaveState('saved');
        onError(null);
        return true;
      } catch (e) {
        setSaveState('idle');
        const onDisk = detailsOf('changed-on-disk', e);
        if (onDisk) setDiskChange({ deleted: onDisk.deleted });
        onError(describeError(e));
        return false;
      } finally {
        savingRef.current = null;
      }
    })();
    savingRef.current = run;
    return run;
  }, [measureBody, onError]);

  const setFrontMatter = useCallback((text: string) => {
    setFm(text);
  }, []);

  const editorReady = useCallback((handle: PostEditorHandle) => {
    editorRef.current = handle;
    setEditor(handle);
    checkDirty();
    countLater(0);
  }, [checkDirty, countLater]);

  const editorGone = useCallback((handle: PostEditorHandle) => {
    if (editorRef.current !== handle) return;
    editorRef.current = null;
    setEditor(null);
  }, []);

  const reloadFromDisk = useCallback(async () => {
    const p = postRef.current;
    if (p) await load(p.path, p.siteRoot);
  }, [load]);

  const keepMine = useCallback(async () => {
    const p = postRef.current;
    if (!p) return;
    try {
      // Adopt the disk's current hash, so the next save replaces that version with this one.
      const onDisk = await api.readPost({ path: p.path });
      setPost({ ...p, hash: onDisk.hash, overwrite: true });
      setDiskChange(null);
      onError(null);
    } catch (e) {
      onError(describeError(e));
    }
  }, [onError]);

  const noteDiskChange = useCallback((e: EventPayload<'postChangedOnDisk'>) => {
    const check = async () => {
      if (savingRef.current) await savingRef.current; // our own save may be what changed it
      const p = postRef.current;
      if (!p || p.path !== e.path || (!e.deleted && e.hash === p.hash)) return;
      const dirty = bodyDirtyRef.current || measureBody() || fmRef.current !== p.parts.frontMatter;
      if (!dirty && !e.deleted) await load(p.path, p.siteRoot);
      else setDiskChange({ deleted: e.deleted });
    };
    void check();
  }, [load, measureBody]);

  const isDirty = useCallback(() => {
    const p = postRef.current;
    if (!p) return false;
    return p.overwrite || fmRef.current !== p.parts.frontMatter || bodyDirtyRef.current || measureBody();
  }, [measureBody]);

  const dirty = post !== null && (post.overwrite || bodyDirty || frontMatter !== post.parts.frontMatter);

  return useMemo(
    () => ({
      post, frontMatter, dirty, saveState, words, diskChange, editor,
      unsafeReason: editor?.unsafeReason ?? null,
      open: load, restore, close, save, setFrontMatter, editorReady, editorGone, bodyChanged, reloadFromDisk, keepMine, noteDiskChange, isDirty,
    }),
    [post, frontMatter, dirty, saveState, words, diskChange, editor, load, restore, close, save, setFrontMatter, editorReady, editorGone, bodyChanged, reloadFromDisk, keepMine, noteDiskChange, isDirty],
  );
}
