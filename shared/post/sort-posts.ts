// The post list's order, newest first (posts without a date last, then by path), shared by main
// (which lists) and the renderer (which re-sorts after updating one entry).
import type { PostSummary } from '../ipc/channels/site';

export function sortNewestFirst(posts: PostSummary[]): PostSummary[] {
  return posts.sort((a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || a.path.localeCompare(b.path));
}
