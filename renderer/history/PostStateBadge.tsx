// The word shown next to a post in the list: New, Changed or Saved.
import type { PostGitState } from '../../shared/ipc/channels/git';

const WORDS: Record<PostGitState, string> = { new: 'New', changed: 'Changed', saved: 'Saved' };

export function PostStateBadge({ state }: { state: PostGitState | undefined }) {
  if (!state) return null;
  return (
    <span className={`pw-hist-badge pw-hist-badge-${state}`} aria-label={`Version state: ${WORDS[state]}`}>
      {WORDS[state]}
    </span>
  );
}
