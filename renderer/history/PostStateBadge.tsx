// The words shown next to a post for its version state. One vocabulary across the app: a file
// is "Saved" or has "Unsaved changes" (the status bar); its text on disk is "In a version" or
// "Not in a version yet" (a new post, or one changed since its last version). "Saved" is never
// used here, so the two states cannot be mistaken for each other.
import type { PostGitState } from '../../shared/ipc/channels/git';

const WORDS: Record<PostGitState, string> = { new: 'Not in a version yet', changed: 'Not in a version yet', saved: 'In a version' };

export function versionStateWords(state: PostGitState): string {
  return WORDS[state];
}

export function PostStateBadge({ state }: { state: PostGitState | undefined }) {
  if (!state) return null;
  return (
    <span className={`pw-hist-badge pw-hist-badge-${state}`} aria-label={`Version state: ${WORDS[state]}`}>
      {WORDS[state]}
    </span>
  );
}
