// The status bar: whether the post is saved (a live `status` region) and its word count.
import type { ReactNode } from 'react';
import type { SaveState } from './use-post-session';

interface Props {
  hasPost: boolean;
  dirty: boolean;
  saveState: SaveState;
  /** Null while the words are being counted. */
  words: number | null;
  path: string | null;
  /** Words, characters and reading time (replaces the plain word count when given). */
  counts?: ReactNode;
  /** A long post's start is in the editor and the rest is still being read. */
  readingRest?: boolean;
}

/**
 * The file's state, in the app's one vocabulary: "Saved" (the file on disk holds this text,
 * whether it was just saved or never changed) or "Unsaved changes". Versions have words of
 * their own ("In a version", "Not in a version yet": history/PostStateBadge.tsx).
 */
export function statusText(hasPost: boolean, dirty: boolean, saveState: SaveState): string {
  if (!hasPost) return 'No post open';
  if (saveState === 'saving') return 'Saving…';
  return dirty ? 'Unsaved changes' : 'Saved';
}

export function StatusBar({ hasPost, dirty, saveState, words, path, counts, readingRest }: Props) {
  const text = statusText(hasPost, dirty, saveState);
  return (
    <footer className="status-bar">
      <span role="status" aria-label="Save state" className={`save-state ${dirty ? 'is-dirty' : ''}`}>
        {text}
      </span>
      {readingRest && (
        <span className="reading-rest">
          <progress aria-label="Reading the rest of the post" /> Reading the rest of the post…
        </span>
      )}
      {hasPost && counts}
      {hasPost && !counts && words !== null && <span className="word-count">{words === 1 ? '1 word' : `${words.toLocaleString()} words`}</span>}
      {path && <span className="status-path">{path}</span>}
    </footer>
  );
}
