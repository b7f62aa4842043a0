// One post in the list: title, date, draft badge, section, tags and, when its front matter
// cannot be read, a marker with the reason in plain words; a badge when images it uses are
// missing, and one when its title or other fields hold garbled characters.
import { memo, useContext } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { FRONT_MATTER_PROBLEM, postLabel, shortDate } from './post-label';
import { BrokenImagesContext } from './post-images-context';
import { PostStateBadge, versionStateWords } from '../history/PostStateBadge';
import { usePostGitState } from '../history/git-status';

interface Props {
  post: PostSummary;
  /** Its place in the list (0-based) and the list's length, for screen readers and the keys. */
  index: number;
  setSize: number;
  /** Its offset in a windowed list (PostList.tsx); absent when the whole list is drawn. */
  top?: number;
  current: boolean;
  tabStop: boolean;
  onOpen(path: string): void;
}

// Memoized: filtering or opening a post re-renders only the items whose state changed.
export const PostListItem = memo(function PostListItem({ post, index, setSize, top, current, tabStop, onOpen }: Props) {
  const missing = useContext(BrokenImagesContext).get(post.path) ?? 0;
  const missingText = missing ? `${missing} missing image${missing === 1 ? '' : 's'}` : '';
  // new / changed / saved from git (absent when the site keeps no versions).
  const gitState = usePostGitState(post.path);
  const label = [postLabel(post), missingText, gitState && versionStateWords(gitState)].filter(Boolean).join(', ');
  const date = shortDate(post.date);
  return (
    <li
      className="post-item"
      aria-label={label}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-path={post.path}
      style={top == null ? undefined : { top }}
    >
      <button
        type="button"
        className="post-button"
        data-path={post.path}
        aria-current={current ? 'page' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => onOpen(post.path)}
        title={post.path}
      >
        {/* The button is named by what it shows (WCAG "label in name"): title first, then the
            details; the list item keeps the fuller spoken label. The hidden comma makes the
            name read "Title, date …" instead of running the title into the date. */}
        <span className="post-title">{post.title || post.path}</span>
        <span className="visually-hidden">, </span>
        <span className="post-meta">
          {date && <span className="post-date">{date}</span>}
          {post.kind === 'branch-bundle' && <span className="badge">Section</span>}
          {post.draft && <span className="badge badge-draft">Draft</span>}
          {missingText && <span className="badge badge-missing">{missingText}</span>}
          {post.garbled && (
            <span className="badge badge-garbled" title="Some characters look garbled (e.g. â€™ for ’). Open the post to fix them.">
              Garbled text
            </span>
          )}
          <PostStateBadge state={gitState} />
          {post.section && <span className="post-section">{post.section}</span>}
        </span>
        {post.tags.length > 0 && (
          <span className="post-tags">
            {post.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </span>
        )}
        {post.frontMatterError && (
          <span className="post-problem">
            <span aria-hidden="true">⚠ </span>
            {FRONT_MATTER_PROBLEM} {post.frontMatterError}
          </span>
        )}
      </button>
    </li>
  );
});
