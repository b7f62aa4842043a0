// The open site and its post list, kept fresh: loaded at start and reloaded on demand (after
// opening a site, or when main says posts were added or removed).
import { useCallback, useEffect, useState } from 'react';
import type { PostSummary, SiteInfo } from '../../shared/ipc/channels/site';
import { api } from '../api';
import { describeError } from './describe-error';

export interface SiteState {
  site: SiteInfo | null;
  posts: PostSummary[];
  /** True until the first answer arrives, so the UI does not flash "no site open". */
  loading: boolean;
  reload(): Promise<void>;
  setSite(site: SiteInfo | null): void;
}

export function useSite(onError: (message: string) => void): SiteState {
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
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
    }
  }, [onError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { site, posts, loading, reload, setSite };
}
