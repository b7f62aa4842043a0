// The left column: filter box and post list.
import { memo, useMemo, useState } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { filterPosts } from './filter-posts';
import { FilterBox } from './FilterBox';
import { PostList } from './PostList';

interface Props {
  posts: PostSummary[];
  currentPath: string | null;
  onOpen(path: string): void;
}

// Memoized (with a stable onOpen from App): typing in the editor and the status bar's updates
// never re-render a long list of posts.
export const Sidebar = memo(function Sidebar({ posts, currentPath, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterPosts(posts, query), [posts, query]);
  return (
    <nav className="sidebar" aria-label="Posts of the site">
      <FilterBox value={query} onChange={setQuery} shown={shown.length} total={posts.length} />
      <PostList posts={shown} currentPath={currentPath} onOpen={onOpen} />
      {shown.length === 0 && <p className="empty-note">{posts.length ? 'No post matches the filter.' : 'This site has no posts yet.'}</p>}
    </nav>
  );
});
