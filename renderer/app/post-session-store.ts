// The post being edited, kept outside React: what is on disk (as parts, with its hash), the front
// matter as the writer is changing it, the editor's handle, and whether anything is unsaved. A
// save writes head + front matter + closing delimiter + body, where every part the writer did
// not touch is the exact text read from disk, so saving an untouched post writes the same bytes.
// State changes go through one reducer (postSessionReducer); the code that runs outside React's
// render (key handlers, timers, saves, disk events) reads the store's current state, so nothing
// is mirrored in refs. React reads it through useSyncExternalStore (use-post-session.ts).
import type { PostFile } from '../../shared/ipc/channels/posts';
import type { Api } from '../../shared/ipc/client';
import type { EventPayload } from '../../shared/ipc/events';
import { detailsOf } from '../../shared/ipc/errors';
import type { PostEditorHandle } from '../editor/types';
import { composePost, splitPost, type PostParts } from './compose-raw';
import { describeError } from '../ui/describe-error';
import { runWhenIdle, type IdleJob } from './idle-work';
import { PauseTimer } from './pause-timer';
import { WordCounter } from './word-count';

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

export interface PostSessionState {
  post: LoadedPost | null;
  frontMatter: string;
  /** The status bar's "unsaved changes" for the body (cheap; exact after a pause). */
  bodyDirty: boolean;
  saveState: SaveState;
  /** Null while the post's words are being counted (in idle time, after it opened). */
  words: number | null;
  diskChange: DiskChange | null;
  editor: PostEditorHandle | null;
}

export type PostSessionAction =
  | { type: 'opened'; post: LoadedPost; frontMatter: string; bodyDirty: boolean }
  | { type: 'closed' }
  | { type: 'post'; post: LoadedPost }
  | { type: 'frontMatter'; text: string }
  | { type: 'bodyDirty'; dirty: boolean }
  | { type: 'saveState'; saveState: SaveState }
  | { type: 'words'; words: number | null }
  | { type: 'diskChange'; diskChange: DiskChange | null }
  | { type: 'editor'; editor: PostEditorHandle | null };

export const initialPostSession: PostSessionState = { post: null, frontMatter: '', bodyDirty: false, saveState: 'idle', words: null, diskChange: null, editor: null };

/** One step of the session's state. Returns the same object when nothing changed (no render). */
export function postSessionReducer(s: PostSessionState, a: PostSessionAction): PostSessionState {
  const with_ = <K extends keyof PostSessionState>(key: K, value: PostSessionState[K]) => (s[key] === value ? s : { ...s, [key]: value });
  switch (a.type) {
    case 'opened':
      // Counted once the editor is up, in idle time: counting a long post here would delay it.
      return { ...s, post: a.post, frontMatter: a.frontMatter, bodyDirty: a.bodyDirty, saveState: 'idle', diskChange: null, words: null };
    case 'closed':
      return { ...s, post: null, frontMatter: '', bodyDirty: false, saveState: 'idle', diskChange: null };
    case 'post':
      return with_('post', a.post);
    case 'frontMatter':
      return with_('frontMatter', a.text);
    case 'bodyDirty':
      return with_('bodyDirty', a.dirty);
    case 'saveState':
      return with_('saveState', a.saveState);
    case 'words':
      return with_('words', a.words);
    case 'diskChange':
      return (s.diskChange?.deleted ?? null) === (a.diskChange?.deleted ?? null) ? s : { ...s, diskChange: a.diskChange };
    case 'editor':
      return with_('editor', a.editor);
  }
}

/** What the status bar and the title show: the post differs from the file on disk. */
export function sessionDirty(s: PostSessionState): boolean {
  return s.post !== null && (s.post.overwrite || s.bodyDirty || s.frontMatter !== s.post.parts.frontMatter);
}

export interface PostSessionStore {
  get(): PostSessionState;
  subscribe(listener: () => void): () => void;
  dispatch(action: PostSessionAction): void;
  open(path: string, siteRoot: string): Promise<boolean>;
  /** Opens a post with unsaved text (from the recovery journal) on top of the file on disk. */
  restore(path: string, siteRoot: string, raw: string, baseHash: string): Promise<boolean>;
  close(): void;
  save(currentSiteRoot: string | null): Promise<boolean>;
  setFrontMatter(text: string): void;
  editorReady(handle: PostEditorHandle): void;
  editorGone(handle: PostEditorHandle): void;
  /**
   * The body the open post's editor held when it went away, if it had unsaved changes then
   * (null: it could not be read; undefined: nothing kept). A region that broke reads it: by then
   * the editor may be gone, and its text must still reach the recovery journal.
   */
  bodyWhenGone(): string | null | undefined;
  /** Called on every change of the body: must stay cheap (two timers, no text looked at). */
  bodyChanged(): void;
  reloadFromDisk(): Promise<void>;
  keepMine(): Promise<void>;
  noteDiskChange(e: EventPayload<'postChangedOnDisk'>): void;
  /** Exact: compares the text when it must (for key handlers, leaving and beforeunload). */
  isDirty(): boolean;
  dispose(): void;
}

export interface PostSessionDeps {
  api: Pick<Api, 'readPost' | 'savePost'>;
  onError(message: string | null): void;
}

const CHECK_DELAY_MS = 120;
/** The word count follows when the writer pauses: counting never competes with typing. */
const COUNT_DELAY_MS = 800;
let generations = 0;

export function createPostSessionStore({ api, onError }: PostSessionDeps): PostSessionStore {
  let state = initialPostSession;
  const listeners = new Set<() => void>();
  const dispatch = (action: PostSessionAction) => {
    const next = postSessionReducer(state, action);
    if (next === state) return;
    state = next;
    listeners.forEach((l) => l());
  };

  let saving: Promise<boolean> | null = null;
  const counter = new WordCounter();
  let idleJob: IdleJob | null = null;
  /** Body changes so far, and how many of them the last save holds. */
  let changes = 0;
  let savedChanges = 0;
  /** The edited body of an editor that went away (see bodyWhenGone). */
  let gone: { generation: number; body: string | null } | null = null;

  /**
   * Whether the editor's body differs from what is on disk now. After a save this writes out
   * the body; the editor keeps that text for its document (post-editor.ts), so the save that
   * follows, or another check before the next key, does not write it out again.
   */
  const measureBody = (): boolean => {
    const { editor: h, post: p } = state;
    if (!p) return false;
    if (!h) {
      // The editor went away (a region broke): its edited body, kept at editorGone, counts.
      const g = gone?.generation === p.generation ? gone.body : undefined;
      return g !== undefined && g !== p.parts.body;
    }
    return p.savedOnce ? h.getBody() !== p.parts.body : h.isDirty();
  };

  /**
   * The status bar's "unsaved changes", cheaply: before the first save the editor compares its
   * blocks with the loaded ones (by identity, so no text is looked at); after a save, comparing
   * would mean writing out the whole body, so any change since the save counts until the exact
   * check in idle time (countLater) says the text is back to what was saved.
   */
  const checkDirty = () => {
    const { editor: h, post: p } = state;
    if (!h || !p) return;
    dispatch({ type: 'bodyDirty', dirty: p.savedOnce ? changes !== savedChanges : h.isDirty() });
  };

  /** Word count (and the exact dirty check after a save) once the writer pauses, in idle time. */
  const countLater = (delay: number) => {
    countTimer.cancel();
    idleJob?.cancel();
    idleJob = runWhenIdle(delay, () => {
      const { editor: h, post: p } = state;
      if (!h || !p) return null;
      if (p.savedOnce && state.bodyDirty) dispatch({ type: 'bodyDirty', dirty: measureBody() });
      const count = counter.begin(h.getText());
      return (deadline) => {
        const n = count.step(deadline);
        if (n === null) return false;
        if (state.editor === h) dispatch({ type: 'words', words: n });
        return true;
      };
    });
  };

  // Keys only push these back (pause-timer.ts): no timer is cleared and set again per key.
  const dirtyTimer = new PauseTimer(checkDirty, CHECK_DELAY_MS);
  const countTimer = new PauseTimer(() => countLater(0), COUNT_DELAY_MS);

  const open = async (path: string, siteRoot: string): Promise<boolean> => {
    try {
      const file = await api.readPost({ path });
      const parts = splitPost(file.raw);
      const post: LoadedPost = { path, siteRoot, file, parts, hash: file.hash, loadedFrontMatter: parts.frontMatter, generation: ++generations, savedOnce: false, overwrite: false };
      savedChanges = changes;
      dispatch({ type: 'opened', post, frontMatter: parts.frontMatter, bodyDirty: false });
      onError(null);
      return true;
    } catch (e) {
      onError(describeError(e));
      return false;
    }
  };

  const restore = async (path: string, siteRoot: string, raw: string, baseHash: string): Promise<boolean> => {
    try {
      const file = await api.readPost({ path });
      const parts = splitPost(file.raw);
      const mine = splitPost(raw);
      // The editor starts from the restored body while `parts` stays the disk's: savedOnce makes
      // the dirty checks compare the editor's body with the disk's, and until the first save
      // every check says "unsaved". The hash is the one the text was based on, so a file
      // changed meanwhile is never overwritten without asking.
      savedChanges = -1;
      const post: LoadedPost = { path, siteRoot, file, parts, hash: baseHash, loadedFrontMatter: parts.frontMatter, generation: ++generations, savedOnce: true, overwrite: false, editorBody: mine.body };
      dispatch({ type: 'opened', post, frontMatter: mine.frontMatter, bodyDirty: mine.body !== parts.body });
      onError(null);
      return true;
    } catch (e) {
      onError(describeError(e));
      return false;
    }
  };

  const save = async (currentSiteRoot: string | null): Promise<boolean> => {
    if (saving) await saving;
    const p = state.post;
    if (!p) return true;
    const bodyNowDirty = measureBody();
    if (!p.overwrite && !bodyNowDirty && state.frontMatter === p.parts.frontMatter) {
      // Nothing to write: the file on disk already holds exactly this text.
      dispatch({ type: 'bodyDirty', dirty: false });
      return true;
    }
    if (currentSiteRoot !== p.siteRoot) {
      onError('This post belongs to a site that is no longer open, so it cannot be saved there. Copy your text, then reopen that site.');
      return false;
    }
    const h = state.editor;
    if (bodyNowDirty && h?.unsafeReason) {
      onError(`The text cannot be saved without changing parts you did not edit: ${h.unsafeReason} Nothing was written.`);
      return false;
    }
    const body = bodyNowDirty && h ? h.getBody() : p.parts.body;
    const changesInSave = changes;
    const raw = composePost({ ...p.parts, frontMatter: state.frontMatter, body });
    dispatch({ type: 'saveState', saveState: 'saving' });
    const run = (async () => {
      try {
        const res = await api.savePost({ path: p.path, raw, bom: p.file.bom, expectedHash: p.hash });
        const current = state.post;
        if (current && current.path === p.path && current.generation === p.generation) {
          dispatch({ type: 'post', post: { ...current, parts: splitPost(raw), hash: res.hash, savedOnce: true, overwrite: false } });
          savedChanges = changesInSave;
          // The writer may have typed while the save was on its way: measure again.
          dispatch({ type: 'bodyDirty', dirty: measureBody() });
        }
        dispatch({ type: 'saveState', saveState: 'saved' });
        onError(null);
        return true;
      } catch (e) {
        dispatch({ type: 'saveState', saveState: 'idle' });
        const onDisk = detailsOf('changed-on-disk', e);
        if (onDisk) dispatch({ type: 'diskChange', diskChange: { deleted: onDisk.deleted } });
        onError(describeError(e));
        return false;
      } finally {
        saving = null;
      }
    })();
    saving = run;
    return run;
  };

  const isDirty = (): boolean => {
    const p = state.post;
    if (!p) return false;
    return p.overwrite || state.frontMatter !== p.parts.frontMatter || state.bodyDirty || measureBody();
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispatch,
    open,
    restore,
    close: () => dispatch({ type: 'closed' }),
    save,
    setFrontMatter: (text) => dispatch({ type: 'frontMatter', text }),
    editorReady(handle) {
      dispatch({ type: 'editor', editor: handle });
      checkDirty();
      countLater(0);
    },
    editorGone(handle) {
      if (state.editor !== handle) return;
      const p = state.post;
      // Only an edited body is kept: writing out an untouched one would cost a walk of the post
      // on every switch, and the text on disk already is that body.
      if (p && (state.bodyDirty || changes !== savedChanges)) {
        let body: string | null;
        try {
          body = handle.getBody();
        } catch {
          body = null;
        }
        gone = { generation: p.generation, body };
      }
      dispatch({ type: 'editor', editor: null });
      // The status bar must not say "Saved" over text that exists only in the journal.
      if (measureBody()) dispatch({ type: 'bodyDirty', dirty: true });
    },
    bodyWhenGone() {
      const p = state.post;
      return p && gone?.generation === p.generation ? gone.body : undefined;
    },
    bodyChanged() {
      changes++;
      // The first change after a clean state shows "Unsaved changes" at once: a status bar that
      // says "Saved" over words that are not saved fails the writer silently, even for 120 ms.
      // Only this transition renders now; later keys wait for the pause as before.
      if (!state.bodyDirty) checkDirty();
      dirtyTimer.poke();
      // A count under way is of older text: it stops, and starts again after the pause.
      if (idleJob) {
        idleJob.cancel();
        idleJob = null;
      }
      countTimer.poke();
    },
    async reloadFromDisk() {
      const p = state.post;
      if (p) await open(p.path, p.siteRoot);
    },
    async keepMine() {
      const p = state.post;
      if (!p) return;
      try {
        // Adopt the disk's current hash, so the next save replaces that version with this one.
        const onDisk = await api.readPost({ path: p.path });
        dispatch({ type: 'post', post: { ...p, hash: onDisk.hash, overwrite: true } });
        dispatch({ type: 'diskChange', diskChange: null });
        onError(null);
      } catch (e) {
        onError(describeError(e));
      }
    },
    noteDiskChange(e) {
      const check = async () => {
        if (saving) await saving; // our own save may be what changed it
        const p = state.post;
        if (!p || p.path !== e.path || (!e.deleted && e.hash === p.hash)) return;
        const dirty = state.bodyDirty || measureBody() || state.frontMatter !== p.parts.frontMatter;
        if (!dirty && !e.deleted) await open(p.path, p.siteRoot);
        else dispatch({ type: 'diskChange', diskChange: { deleted: e.deleted } });
      };
      void check();
    },
    isDirty,
    dispose() {
      dirtyTimer.cancel();
      countTimer.cancel();
      idleJob?.cancel();
    },
  };
}
