// The open post's whole text as the writer has it now (front matter + editor body), refreshed
// when they pause, for what looks at the text rather than the file: garbled characters, the
// outline, counts, the checklist, the preview and the recovery journal. Writing the body out
// costs a walk of the document, so it happens once per pause, never per keystroke; a writer who
// types on without pausing gets it at most MAX_WAIT_MS after an edit (see pause-timer.ts).
// The recovery journal is handed each edited text at once, outside React's rendering: its
// promise (words more than 1 s old survive a kill) must not wait for a low-priority render.
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
 * Longest an edit waits to be taken while the writer types on. With the journal's write (tens
 * of ms) this keeps every word older than 1 s on disk, with room for a busy machine.
 */
export const MAX_WAIT_MS = 600;

export function useLivePost(session: PostSession, onEdited?: (live: LivePost) => void): { live: LivePost | null; bodyChanged(): void } {
  const { post, editor, frontMatter } = session;
  const [live, setLive] = useState<LivePost | null>(null);
  const latest = useRef(session);
  latest.current = session;
  const onEditedRef = useRef(onEdited);
  onEditedRef.current = onEdited;

  const take = useCallback((edited: boolean) => {
    const s = latest.current;
    const p = s.post;
    if (!p) return setLive(null);
    const body = s.editor ? s.editor.getBody() : (p.editorBody ?? p.parts.body);
    const raw = composePost({ ...p.parts, frontMatter: s.frontMatter, body });
    if (edited) onEditedRef.current?.({ path: p.path, raw, body, edited: true });
    // A transition: what reads the text (outline, counts, checks) renders after the post is
    // painted, not in the task that shows it.
    startTransition(() =>
      setLive((prev) => (prev && prev.path === p.path && prev.raw === raw && prev.edited === edited ? prev : { path: p.path, raw, body, edited })),
    );
  }, []);

  const timer = useRef<PauseTimer | null>(null);
  timer.current ??= new PauseTimer(() => take(true), PAUSE_MS, MAX_WAIT_MS);
  const later = useCallback(() => timer.current?.poke(), []);

  // A post opened or reloaded (new generation), or its editor came up: take the text now.
  const generation = post ? `${post.path}#${post.generation}` : null;
  useEffect(() => {
    take(false);
  }, [generation, editor, take]);

  // Front-matter edits: after a pause, like body edits.
  const firstFm = useRef(true);
  useEffect(() => {
    if (firstFm.current) {
      firstFm.current = false;
      return;
    }
    later();
  }, [frontMatter, later]);

  useEffect(() => () => timer.current?.cancel(), []);

  return { live: live && post && live.path === post.path ? live : null, bodyChanged: later };
}
