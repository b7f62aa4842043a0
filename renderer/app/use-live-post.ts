// The open post's whole text as the writer has it now (front matter + editor body), refreshed
// when they pause, for what looks at the text rather than the file: garbled characters, the
// outline, counts, the checklist and the preview. Writing the body out costs a walk of the
// document, and what reads it renders, so it happens once per pause, never per keystroke; a
// writer who types on without pausing sees it refreshed every SHOW_MAX_WAIT_MS.
// The recovery journal is handed each edited text sooner (at most MAX_WAIT_MS after an edit,
// see pause-timer.ts), outside React's rendering and in the window's idle time, right after a
// frame: its promise (words more than 1 s old survive a kill) must not wait for a pause, and the
// work must not land while a key is on its way to the screen.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { PostSession } from './use-post-session';
import { composePost } from './compose-raw';
import { PauseTimer } from './pause-timer';

export interface LivePost {
  path: string;
  /** The whole post text. */
  raw: string;
  /** Its body (after the front matter). */
  body: string;
  /** True when this text came from an edit (not from opening or reloading the post). */
  edited: boolean;
}

/** Pause after the last keystroke before the text is taken again. */
const PAUSE_MS = 500;
/**
 * Longest an edit waits to be taken for the journal while the writer types on. With the wait for
 * idle time (JOURNAL_IDLE_MS at most) and the journal's write (tens of ms) this keeps every word
 * older than 1 s on disk, with room for a busy machine.
 */
export const MAX_WAIT_MS = 600;
/** Longest the journal's copy waits for the window to be idle (after a frame, between keys). */
const JOURNAL_IDLE_MS = 150;
/** Longest the text shown by the outline, counts and checks lags while the writer types on. */
const SHOW_MAX_WAIT_MS = 3000;

const requestIdle: (cb: () => void, timeout: number) => void =
  typeof requestIdleCallback === 'function' ? (cb, timeout) => void requestIdleCallback(cb, { timeout }) : (cb) => void setTimeout(cb, 0);

export interface LivePostHandle {
  live: LivePost | null;
  /** The body changed: the text is taken again at the next pause. */
  bodyChanged(): void;
  /** Takes the text now (before a save). */
  takeNow(): void;
}

export function useLivePost(session: PostSession, onEdited?: (live: LivePost) => void): LivePostHandle {
  const { post, editor, frontMatter } = session;
  const [live, setLive] = useState<LivePost | null>(null);
  const latest = useRef(session);
  latest.current = session;
  const onEditedRef = useRef(onEdited);
  onEditedRef.current = onEdited;

  /** The post's text now (the body is written out once per document: post-editor.ts). */
  const current = useCallback((): LivePost | null => {
    const s = latest.current;
    const p = s.post;
    if (!p) return null;
    // An editor that went away (a region broke) left its edited body with the session: the text
    // as loaded would put older words in the journal over the writer's (null: not readable).
    const gone = s.editor ? undefined : s.bodyWhenGone();
    if (gone === null) return null;
    const body = s.editor ? s.editor.getBody() : (gone ?? p.editorBody ?? p.parts.body);
    return { path: p.path, raw: composePost({ ...p.parts, frontMatter: s.frontMatter, body }), body, edited: true };
  }, []);

  const show = useCallback((edited: boolean, urgent = false) => {
    const now = current();
    if (!now) return setLive(null);
    const next = (prev: LivePost | null) => (prev && prev.path === now.path && prev.raw === now.raw && prev.edited === edited ? prev : { ...now, edited });
    // A transition: what reads the text (outline, counts, checks) renders after the post is
    // painted, not in the task that shows it.
    if (urgent) setLive(next);
    else startTransition(() => setLive(next));
  }, [current]);

  const journal = useCallback(() => {
    const now = current();
    if (now) onEditedRef.current?.(now);
  }, [current]);

  const timers = useRef<{ journal: PauseTimer; show: PauseTimer } | null>(null);
  timers.current ??= {
    journal: new PauseTimer(() => requestIdle(journal, JOURNAL_IDLE_MS), PAUSE_MS, MAX_WAIT_MS),
    show: new PauseTimer(() => show(true), PAUSE_MS, SHOW_MAX_WAIT_MS),
  };
  const later = useCallback(() => {
    timers.current?.journal.poke();
    timers.current?.show.poke();
  }, []);

  // A post opened or reloaded (new generation), or its editor came up: take the text now.
  const generation = post ? `${post.path}#${post.generation}` : null;
  useEffect(() => {
    show(false);
  }, [generation, editor, show]);

  // Front-matter edits: after a pause, like body edits.
  const firstFm = useRef(true);
  useEffect(() => {
    if (firstFm.current) {
      firstFm.current = false;
      return;
    }
    later();
  }, [frontMatter, later]);

  useEffect(
    () => () => {
      timers.current?.journal.cancel();
      timers.current?.show.cancel();
    },
    [],
  );

  // A save is a pause: the text is taken at once, so that what compares with the saved file
  // ("Version saved." goes when the text changes) sees the saved text before the save ends,
  // not half a second later as if the writer had typed after it.
  const takeNow = useCallback(() => {
    timers.current?.show.cancel();
    show(true, true);
  }, [show]);

  return { live: live && post && live.path === post.path ? live : null, bodyChanged: later, takeNow };
}
