// The list of posts (newest first, as main sorts them). Arrow keys move between posts, Enter
// opens one; the list is one Tab stop, landing on the open post.
import type { PostSummary } from '../../shared/ipc/channels/site';
import { PostListItem } from './PostListItem';
import { moveFocus } from './roving-focus';

interface Props {
  posts: PostSummary[];
  currentPath: string | null;
  onOpen(path: string): void;
}

export function PostList({ posts, currentPath, onOpen }: Props) {
  const stop = posts.some((p) => p.path === currentPath) ? currentPath : (posts[0]?.path ?? null);
  return (
    <ul
      role="list"
      aria-label="Posts"
      className="post-list"
      onKeyDown={(e) => moveFocus(e, '.post-button', { prev: 'ArrowUp', next: 'ArrowDown' })}
    >
      {posts.map((p) => (
        <PostListItem key={p.path} post={p} current={p.path === currentPath} tabStop={p.path === stop} onOpen={onOpen} />
      ))}
    </ul>
  );
}
