// The left column: "New post", then either the filter box and post list or, toggled, the
// search of every post's text.
import { memo, useMemo, useState } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { api } from '../api';
import { SearchPanel } from '../writing-aids/SearchPanel';
import { filterPosts } from './filter-posts';
import { FilterBox } from './FilterBox';
import { PostList } from './PostList';

interface Props {
  posts: PostSummary[];
  /** The list is being read: said in words, and the list is marked busy. */
  listing: boolean;
  currentPath: string | null;
  onOpen(path: string): void;
  onNewPost(): void;
  /** The site's folders cannot all be watched: said in words, with a button to look by hand. */
  watchTrouble?: string | null;
  onCheckChanges?(): void;
}

// Memoized (with stable callbacks from App): typing in the editor and the status bar's updates
// never re-render a long list of posts.
export const Sidebar = memo(function Sidebar({ posts, listing, currentPath, onOpen, onNewPost, watchTrouble, onCheckChanges }: Props) {
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const shown = useMemo(() => filterPosts(posts, query), [posts, query]);
  return (
    <nav className="sidebar" aria-label="Posts of the site">
      <div className="sidebar-head">
        <button type="button" className="primary new-post-button" onClick={onNewPost}>
          New post
        </button>
        <button type="button" className="search-toggle" aria-pressed={searching} onClick={() => setSearching((s) => !s)} title="Search the text of every post">
          Search
        </button>
      </div>
      {watchTrouble && (
        <div className="watch-trouble" role="note" aria-label="Changes by other programs">
          <p>{watchTrouble}</p>
          <button type="button" onClick={onCheckChanges}>
            Check for changes
          </button>
        </div>
      )}
      {searching ? (
        <div className="sidebar-search">
          <SearchPanel api={api} onOpen={(path) => onOpen(path)} autoFocus />
        </div>
      ) : (
        <>
          <FilterBox value={query} onChange={setQuery} shown={shown.length} total={posts.length} />
          <PostList posts={shown} busy={listing} currentPath={currentPath} onOpen={onOpen} />
          {shown.length === 0 &&
            (listing && !posts.length ? (
              <p className="empty-note" role="status">
                Reading the posts…
              </p>
            ) : (
              <p className="empty-note">{posts.length ? 'No post matches the filter.' : 'This site has no posts yet.'}</p>
            ))}
        </>
      )}
    </nav>
  );
});
