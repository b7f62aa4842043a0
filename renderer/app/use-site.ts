// The open site and its post list, kept fresh: loaded at start and reloaded on demand (after
// opening a site, or when main says posts were added or removed); one entry is read again after
// a save or a change by another program (refreshPost), never the whole site for one post.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostSummary, SiteInfo } from '../../shared/ipc/channels/site';
import { sortNewestFirst } from '../../shared/post/sort-posts';
import { api } from '../api';
import { describeError } from '../ui/describe-error';

export interface SiteState {
  site: SiteInfo | null;
  posts: PostSummary[];
  /** True until the first answer arrives, so the UI does not flash "no site open". */
  loading: boolean;
  /**
   * True while the post list is being read (the site may already be known): the list then says
   * so instead of "This site has no posts yet", which a large site showed for seconds at start.
   */
  listing: boolean;
  reload(): Promise<void>;
  /** Reads one post's entry again (title, date, draft, tags, garbled text, front-matter error). */
  refreshPost(path: string): Promise<void>;
  setSite(site: SiteInfo | null): void;
}

export function useSite(onError: (message: string) => void): SiteState {
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [listingPosts, setListingPosts] = useState(true);
  /** Bumped by each full reload: an entry asked for before it must not overwrite its answer. */
  const listing = useRef(0);

  const reload = useCallback(async () => {
    listing.current++;
    setListingPosts(true);
    try {
      // The list is asked for together with the site, not after it: one round trip less before
      // the list paints at start. With no site open its answer ("no site") is not used.
      const listing = api.listPosts({});
      listing.catch(() => {});
      const current = await api.getSite({});
      setSite(current);
      setPosts(current ? await listing : []);
    } catch (e) {
      onError(describeError(e));
    } finally {
      setLoading(false);
      setListingPosts(false);
    }
  }, [onError]);

  const refreshPost = useCallback(async (path: string) => {
    const asked = listing.current;
    let entry: PostSummary | null;
    try {
      entry = await api.postSummary({ path });
    } catch {
      return; // a hint, not the writer's work: the next save or listing brings it
    }
    if (asked !== listing.current) return;
    setPosts((prev) => {
      const at = prev.findIndex((p) => p.path === path);
      if (!entry) return at === -1 ? prev : prev.filter((p) => p.path !== path);
      if (at !== -1 && sameEntry(prev[at], entry)) return prev;
      const next = at === -1 ? [...prev, entry] : prev.map((p, i) => (i === at ? entry : p));
      return sortNewestFirst(next);
    });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { site, posts, loading, listing: listingPosts, reload, refreshPost, setSite };
}

/** Same shown state: the list (memoized per entry) then keeps the old object and re-renders nothing. */
function sameEntry(a: PostSummary, b: PostSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
