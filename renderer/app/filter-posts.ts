// The list filter: a post matches when every word typed appears in its title or one of its tags
// (case- and accent-insensitive), so "summit keynote" finds "Keynote at Driftwood Summit".
import type { PostSummary } from '../../shared/ipc/channels/site';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function filterPosts(posts: readonly PostSummary[], query: string): PostSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...posts];
  return posts.filter((p) => {
    const hay = [p.title, ...p.tags].map(fold);
    return words.every((w) => hay.some((h) => h.includes(w)));
  });
}
