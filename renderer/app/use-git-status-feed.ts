// Keeps the git status store fresh for the app shell: read again when a site opens, when the
// open post's file changed (its hash moves after a save, restore or reload), when posts are
// added or removed, when any post changes on disk, and when the window gets the focus back
// (the writer may have used git in a terminal meanwhile).
import { useEffect } from 'react';
import { api } from '../api';
import { gitStatus } from './git-status';

export function useGitStatusFeed(siteRoot: string | null, postHash: string | null): void {
  useEffect(() => {
    gitStatus.reset();
    if (!siteRoot) return;
    void gitStatus.refresh();
    const soon = () => gitStatus.refreshSoon();
    const offs = [api.on('postsChanged', soon), api.on('postChangedOnDisk', soon)];
    window.addEventListener('focus', soon);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('focus', soon);
    };
  }, [siteRoot]);

  useEffect(() => {
    if (siteRoot && postHash) gitStatus.refreshSoon();
  }, [siteRoot, postHash]);
}
