// The remote a branch syncs with: the branch's configured remote (else "origin"), its URL,
// and the remote-tracking ref fetch updates.
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import type { Repo } from './repo';

export interface RemoteInfo {
  name: string;
  url: string;
  /** Branch name on the remote. */
  remoteBranch: string;
  trackingRef: string;
}

export async function remoteOf(repo: Repo, branch: string): Promise<RemoteInfo | null> {
  const get = (path: string) => git.getConfig({ fs, dir: repo.dir, gitdir: repo.gitdir, path }) as Promise<string | undefined>;
  const name = (await get(`branch.${branch}.remote`)) ?? 'origin';
  const url = await get(`remote.${name}.url`);
  if (!url) return null;
  const merge = await get(`branch.${branch}.merge`);
  const remoteBranch = merge ? merge.replace(/^refs\/heads\//, '') : branch;
  return { name, url, remoteBranch, trackingRef: `refs/remotes/${name}/${remoteBranch}` };
}

export async function resolveOrNull(repo: Repo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref });
  } catch {
    return null;
  }
}
