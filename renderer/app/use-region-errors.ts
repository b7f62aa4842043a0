// What happens when a region of the window fails to draw (RegionBoundary.tsx): the open post's
// unsaved text goes to the recovery journal before any message is shown, the error goes to the
// app's log (logError), and the text is held here so that "Reload this post" opens the post
// again with it. While the editor is broken, Save writes nothing: the editor's text is gone from
// the window, and saving would write the text as it was loaded and drop the journal's copy.
import { useCallback, useRef } from 'react';
import { api } from '../api';
import { composePost } from './compose-raw';
import type { Region } from './crash-probe';
import type { PostSession } from './use-post-session';

export interface HeldText {
  path: string;
  raw: string;
  baseHash: string;
  /** The post's opening it was taken from: reopening the post (any way) lets go of it. */
  generation: number;
  /** The editor broke: its text exists only here (and in the journal) until the reload. */
  editorLost: boolean;
}

export interface RegionErrors {
  onRegionError(region: Region, error: Error, componentStack: string | undefined): Promise<boolean>;
  /** The text held for the open post since a region broke, or null. */
  held(): HeldText | null;
  /** The post was opened again with the held text (or closed): nothing is held any more. */
  release(): void;
}

/** The open post's text as the writer has it now, as far as it can still be read. */
function textNow(s: PostSession, lastLive: string | null): string | null {
  const p = s.post;
  if (!p) return null;
  try {
    // The editor may already be gone when the region's error arrives: then its last edited body.
    const gone = s.editor ? undefined : s.bodyWhenGone();
    if (gone === null) return lastLive;
    return composePost({ ...p.parts, frontMatter: s.frontMatter, body: s.editor ? s.editor.getBody() : (gone ?? p.editorBody ?? p.parts.body) });
  } catch {
    // The editor itself is what broke: the last text it reported (a moment old at most).
    return lastLive;
  }
}

/**
 * `keepInJournal` writes a text to the recovery journal in order with the journal's other writes
 * of that post (use-recovery's keepNow): an older text still on its way must not land after it.
 */
export function useRegionErrors(sessionRef: { current: PostSession }, lastLiveRaw: () => string | null, keepInJournal: (path: string, raw: string, baseHash: string) => Promise<void>): RegionErrors {
  const heldText = useRef<HeldText | null>(null);

  const onRegionError = useCallback(
    async (region: Region, error: Error, componentStack: string | undefined): Promise<boolean> => {
      const s = sessionRef.current;
      const p = s.post;
      let kept = true;
      if (p) {
        const raw = textNow(s, lastLiveRaw());
        // Compared with the file as it is on disk: the session's own dirty checks read the
        // editor, which may be what broke (or already gone).
        const onDisk = composePost(p.parts);
        const dirty = raw === null || raw !== onDisk || p.overwrite;
        if (raw !== null) {
          const before = heldText.current;
          const editorLost = region === 'editor' || (before?.generation === p.generation && before.editorLost);
          heldText.current = { path: p.path, raw, baseHash: p.hash, generation: p.generation, editorLost };
          if (dirty) {
            try {
              await keepInJournal(p.path, raw, p.hash);
            } catch {
              kept = false;
            }
          }
        } else kept = false;
      }
      const stack = [error.stack ?? error.message, componentStack ? `Components:${componentStack}` : ''].filter(Boolean).join('\n');
      void api.logError({ where: `the ${region}`, message: error.message.slice(0, 4_000), stack: stack.slice(0, 20_000), post: p?.path }).catch(() => {});
      return kept;
    },
    [sessionRef, lastLiveRaw, keepInJournal],
  );

  const held = useCallback(() => {
    const h = heldText.current;
    const p = sessionRef.current.post;
    return h && p && h.path === p.path && h.generation === p.generation ? h : null;
  }, [sessionRef]);
  const release = useCallback(() => {
    heldText.current = null;
  }, []);
  return { onRegionError, held, release };
}
