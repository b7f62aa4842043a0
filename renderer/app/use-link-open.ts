// The link bubble's Open: a web address opens in the system browser (Electron hands window.open
// to the OS browser after its safety check, electron/shell/security.ts), a link to a post of the
// site opens that post here. Anything else gets a sentence, never silence.
import { useEffect, useRef } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { postForAddress } from '../../shared/links/post-address';
import { OPEN_LINK_EVENT } from '../editor/views/link-events';

export function useLinkOpen(posts: readonly PostSummary[], currentPath: string | null, openPost: (path: string) => void, onError: (message: string) => void): void {
  const latest = useRef({ posts, currentPath, openPost, onError });
  latest.current = { posts, currentPath, openPost, onError };
  useEffect(() => {
    const onOpen = (e: Event) => {
      const href = String((e as CustomEvent<{ href?: unknown }>).detail?.href ?? '').trim();
      const { posts, currentPath, openPost, onError } = latest.current;
      if (/^(https?:|mailto:)/i.test(href)) {
        window.open(href, '_blank', 'noopener,noreferrer');
        return;
      }
      const path = postForAddress(href, currentPath ?? '', posts.map((p) => p.path));
      if (path) openPost(path);
      else onError(`This link points to “${href}”, which is not a post of this site or a web address, so it cannot be opened here.`);
    };
    window.addEventListener(OPEN_LINK_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_LINK_EVENT, onOpen);
  }, []);
}
