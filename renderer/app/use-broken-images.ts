// Which posts of the site use images that are missing, for the post list's badges. Asked again
// when the site's posts change (files added, removed, renamed: postsChanged; a post changed by
// another program: postChangedOnDisk; the scan re-reads only files whose stat changed) and when `key`
// changes (after a save or an import). The counts map keeps its identity when nothing changed,
// so the memoized list does not re-render.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';

const EMPTY: ReadonlyMap<string, number> = new Map();

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export function useBrokenImages(siteRoot: string | null, key: unknown): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(EMPTY);
  const [changes, setChanges] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    const again = () => setChanges((n) => n + 1);
    // A post another program changed may now use (or stop using) a missing image.
    const offs = [api.on('postsChanged', again), api.on('postChangedOnDisk', again)];
    return () => offs.forEach((off) => off());
  }, []);

  useEffect(() => {
    if (!siteRoot) {
      setCounts(EMPTY);
      return;
    }
    const ask = ++asked.current;
    api.listBrokenImages({}).then(
      (res) => {
        if (ask !== asked.current) return;
        const next = new Map(res.posts.map((p) => [p.postPath, p.missing]));
        setCounts((prev) => (sameCounts(prev, next) ? prev : next));
      },
      // A badge is a hint: when the scan fails the list simply shows none.
      () => undefined,
    );
  }, [siteRoot, key, changes]);

  return counts;
}
