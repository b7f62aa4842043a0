// The open post's whole text as the writer has it now (front matter + editor body), refreshed
// when they pause, for what looks at the text rather than the file: garbled characters, the
// outline, counts, the checklist, the preview and the recovery journal. Writing the body out
// costs a walk of the document, so it happens once per pause, never per keystroke.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { PostSession } from './use-post-session';
import { composePost } from './compose-raw';

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

export function useLivePost(session: PostSession): { live: LivePost | null; bodyChanged(): void } {
  const { post, editor, frontMatter } = session;
  const [live, setLive] = useState<LivePost | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(session);
  latest.current = session;

  const take = useCallback((edited: boolean) => {
    const s = latest.current;
    const p = s.post;
    if (!p) return setLive(null);
    const body = s.editor ? s.editor.getBody() : (p.editorBody ?? p.parts.body);
    const raw = composePost({ ...p.parts, frontMatter: s.frontMatter, body });
    // A transition: what reads the text (outline, counts, checks) renders after the post is
    // painted, not in the task that shows it.
    startTransition(() =>
      setLive((prev) => (prev && prev.path === p.path && prev.raw === raw && prev.edited === edited ? prev : { path: p.path, raw, body, edited })),
    );
  }, []);

  const later = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => take(true), PAUSE_MS);
  }, [take]);

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

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { live: live && post && live.path === post.path ? live : null, bodyChanged: later };
}
