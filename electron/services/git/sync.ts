// Sync: fetch the remote branch, bring its versions in (fast-forward, or a merge of diverged
// histories with the local state kept on a backup ref first), then push. A remote that cannot
// be reached gives the "offline" state and changes nothing; conflicts give the "conflicts"
// state and change nothing on disk until the writer chooses (see conflicts.ts).
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import { PostwrightError, stopIfCancelled } from '../../../shared/ipc/errors';
import type { GitAuthor, SyncResult } from '../../../shared/ipc/channels/git';
import type { Repo } from './repo';
import { assertWritable, headCommit, withIndexLock } from './guards';
import { remoteOf, resolveOrNull } from './remote';
import { assertRemoteUrl, remoteHttp, sameAddress } from './remote-http';
import { commitTree, moveBranch, writeCommit } from './commits';
import { mergeTrees } from './tree-merge';
import { applyChanges, assertNoUnsavedWork, diffTrees } from './apply-tree';
import { aheadBehind } from './ahead-behind';
import { isAncestor, mergeBase } from './ancestry';
import { NO_CONNECTION, isOffline, offlineMessage, syncError } from './errors';
import { loadPending, savePending } from './pending-merge';

export interface SyncDeps {
  author: GitAuthor | null;
  token: string | null;
  /** User name sent with the token (GitHub accepts any; GitLab wants "oauth2"). */
  username: string;
  progress(done: number, total: number, label: string): void;
  /** The writer stopped the sync: checked before anything is written (after the fetch). */
  signal?: AbortSignal;
}

const STEPS = 4;
export const OFFLINE_MESSAGE = NO_CONNECTION;

export const NEEDS_AUTHOR = 'Postwright needs your name and email once, to sign your versions. Enter them under Sync.';

export async function sync(repo: Repo, deps: SyncDeps): Promise<SyncResult> {
  const branch = await assertWritable(repo);
  const pending = await loadPending(repo);
  if (pending) {
    return result('conflicts', `Choose between the versions of ${pending.conflicts.length} file(s) to finish syncing.`, { conflicts: pending.conflicts.length });
  }
  const remote = await remoteOf(repo, branch);
  if (!remote) {
    throw new PostwrightError('git', 'This site is not connected to an online copy yet (it has no remote). Add the address of your online repository under Sync, then press Sync.', {
      problem: 'no-remote',
    });
  }
  // Before anything is sent: the token goes over https only (remote-http.ts).
  assertRemoteUrl(remote.url);
  let tokenRefused = false;
  const auth = {
    // The token is handed only to the configured remote's own address, whoever else asks.
    onAuth: (url: string) => (deps.token && sameAddress(remote.url, url) ? { username: deps.username, password: deps.token } : { cancel: true }),
    onAuthFailure: () => {
      tokenRefused = true;
      return { cancel: true };
    },
  };
  const fail = (e: unknown) => tokenAware(syncError(tokenRefused ? { code: 'HttpError', data: { statusCode: 401 } } : e, remote.url), deps.token);
  const net = { fs, http: remoteHttp(remote.url), dir: repo.dir, gitdir: repo.gitdir, cache: repo.gitCache, url: remote.url, ...auth };

  deps.progress(0, STEPS, 'Checking for new versions');
  let remoteOid: string | null;
  const trackedBefore = await resolveOrNull(repo, remote.trackingRef);
  try {
    const res = await git.fetch({
      ...net,
      remote: remote.name,
      ref: remote.remoteBranch,
      remoteRef: remote.remoteBranch,
      singleBranch: true,
      tags: false,
      onProgress: (p) => deps.progress(0, STEPS, `Receiving versions${p.total ? ` (${Math.round((100 * p.loaded) / p.total)}%)` : ''}`),
    });
    remoteOid = res.fetchHead ?? null;
  } catch (e) {
    if (isOffline(e)) return result('offline', offlineMessage(e, remote.url));
    if ((e as { code?: string }).code === 'NotFoundError') remoteOid = null; // the remote has no such branch yet
    else throw fail(e);
  } finally {
    // A fetch that fails half way can leave the tracking ref naming commits it never stored.
    await keepTrackingRefWhole(repo, remote.trackingRef, trackedBefore);
  }
  if (remoteOid && !(await hasCommit(repo, remoteOid))) remoteOid = null;

  // Fetched versions are kept (a later sync uses them); nothing is written to the branch.
  stopIfCancelled(deps.signal);
  deps.progress(1, STEPS, 'Combining versions');
  const local = await headCommit(repo);
  let received = 0;
  let backupRef: string | null = null;
  if (remoteOid && remoteOid !== local && !(local && (await isAncestor(repo, remoteOid, local)))) {
    received = (await aheadBehind(repo, local, remoteOid)).behind;
    const localTree = local ? await commitTree(repo, local) : null;
    const remoteTree = await commitTree(repo, remoteOid);
    const base = local ? await mergeBase(repo, local, remoteOid) : null;
    const baseTree = base ? await commitTree(repo, base) : null;
    // What the remote brought must not land on top of unsaved edits.
    await assertNoUnsavedWork(repo, await diffTrees(repo, baseTree, remoteTree), localTree);
    if (local) backupRef = await backup(repo, local);

    let target = remoteOid;
    let newTree = remoteTree;
    if (local && base !== local) {
      if (!deps.author) throw new PostwrightError('git', NEEDS_AUTHOR, { problem: 'no-author' });
      const merged = await mergeTrees(repo, baseTree, localTree!, remoteTree);
      if (merged.conflicts.length) {
        await savePending(repo, { branch, ours: local, theirs: remoteOid, base, tree: merged.tree, remoteName: remote.name, backupRef, conflicts: merged.conflicts });
        return result('conflicts', `You and someone else both changed ${merged.conflicts.length} file(s). Choose which version to keep.`, {
          received,
          conflicts: merged.conflicts.length,
          backupRef,
        });
      }
      newTree = merged.tree;
      target = await writeCommit(repo, newTree, [local, remoteOid], deps.author, `Combine versions from ${remote.name}`);
    }
    const changes = await diffTrees(repo, localTree, newTree);
    await assertNoUnsavedWork(repo, changes);
    await withIndexLock(repo, async () => {
      await applyChanges(repo, changes);
      await moveBranch(repo, branch, target);
    });
  }

  const now = await headCommit(repo);
  let sent = 0;
  if (now && now !== remoteOid) {
    sent = (await aheadBehind(repo, now, remoteOid)).ahead;
    deps.progress(2, STEPS, 'Sending your versions');
    try {
      await git.push({
        ...net,
        remote: remote.name,
        ref: branch,
        remoteRef: remote.remoteBranch,
        onProgress: (p) => deps.progress(2, STEPS, `Sending your versions${p.total ? ` (${Math.round((100 * p.loaded) / p.total)}%)` : ''}`),
      });
    } catch (e) {
      if (isOffline(e)) return result('offline', offlineMessage(e, remote.url), { received, backupRef });
      throw fail(e);
    }
  }
  deps.progress(STEPS, STEPS, 'Synced');
  const message = received || sent ? `Synced: ${received} version(s) received, ${sent} sent.` : 'Everything is synced.';
  return result('synced', message, { received, sent, backupRef });
}

function tokenAware(e: PostwrightError, token: string | null): PostwrightError {
  if (e.code === 'auth' && !token) {
    return new PostwrightError('auth', 'The online copy needs a personal access token to sync. Enter your token under Sync.', { problem: 'no-token' });
  }
  return e;
}

async function hasCommit(repo: Repo, oid: string): Promise<boolean> {
  return git.readObject({ fs, dir: repo.dir, gitdir: repo.gitdir, oid, format: 'content', cache: repo.gitCache }).then(
    () => true,
    () => false,
  );
}

/** Puts the tracking ref back (or removes it) when it names a commit this repository lacks. */
async function keepTrackingRefWhole(repo: Repo, ref: string, before: string | null): Promise<void> {
  const now = await resolveOrNull(repo, ref);
  if (!now || (await hasCommit(repo, now))) return;
  if (before && (await hasCommit(repo, before))) await git.writeRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref, value: before, force: true });
  else await git.deleteRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref });
}

/** Keeps the local state on `refs/postwright/backup/<time>` before anything merges into it. */
export async function backup(repo: Repo, oid: string): Promise<string> {
  const ref = `refs/postwright/backup/${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await git.writeRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref, value: oid, force: true });
  return ref;
}

function result(state: SyncResult['state'], message: string, extra: Partial<SyncResult> = {}): SyncResult {
  return { state, message, received: 0, sent: 0, conflicts: 0, backupRef: null, ...extra };
}
