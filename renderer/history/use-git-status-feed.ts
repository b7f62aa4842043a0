// Keeps the git status store fresh for the app shell: read again when a site opens, when the
// open post's file changed (its hash moves after a save, restore or reload), when posts are
// added or removed, when any post changes on disk, and when the window gets the focus back
// (the writer may have used git in a terminal meanwhile).
// File events of a site that keeps no versions change nothing, so they read nothing; the other
// reads wait a moment, so they never compete with opening or saving a post.
import { useEffect } from 'react';
import { api } from '../api';
import { gitStatus } from './git-status';

const AFTER_CHANGE_MS = 700;

function soon(): void {
  if (gitStatus.get().status?.repository === false) return;
  gitStatus.refreshSoon(AFTER_CHANGE_MS);
}

export function useGitStatusFeed(siteRoot: string | null, postHash: string | null): void {
  useEffect(() => {
    gitStatus.reset();
    if (!siteRoot) return;
    void gitStatus.refresh();
    const onFocus = () => gitStatus.refreshSoon(AFTER_CHANGE_MS);
    const offs = [api.on('postsChanged', soon), api.on('postChangedOnDisk', soon)];
    window.addEventListener('focus', onFocus);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('focus', onFocus);
    };
  }, [siteRoot]);

  useEffect(() => {
    if (siteRoot && postHash) soon();
  }, [siteRoot, postHash]);
}
