// The writer's side of a merge with conflicts: list each conflicted file with its three texts
// (mine = what is on this computer now, theirs, and the common base), record the chosen text
// per file, and once every file has one, save the merge commit and update the files on disk.
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Conflict, GitAuthor } from '../../../shared/ipc/channels/git';
import type { Repo } from './repo';
import { contentRelOf, postOfRepoFile, repoPathOf } from './repo';
import { headCommit, withIndexLock, assertWritable } from './guards';
import { commitTree, moveBranch, writeCommit } from './commits';
import { applyChanges, assertNoUnsavedWork, diffTrees, diskOid } from './apply-tree';
import { isBinary, readBlob } from './tree-merge';
import { readWorkBytes } from './safe-write';
import { clearPending, loadPending, savePending, type PendingConflict } from './pending-merge';

export async function listConflicts(repo: Repo): Promise<Conflict[]> {
  const pending = await loadPending(repo);
  if (!pending) return [];
  const out: Conflict[] = [];
  for (const c of pending.conflicts) {
    const text = async (oid: string | null) => (c.binary || !oid ? null : (await readBlob(repo, oid)).toString('utf8'));
    const mine = mineBytes(repo, c);
    out.push({
      path: contentRelOf(repo, c.repoPath) ?? c.repoPath,
      post: await postOfRepoFile(repo, c.repoPath),
      binary: c.binary || (mine !== null && isBinary(mine)),
      ours: c.binary ? null : mine === null ? null : mine.toString('utf8'),
      theirs: await text(c.theirs),
      base: await text(c.base),
      resolved: c.resolution !== undefined,
    });
  }
  return out;
}

/**
 * "Mine" is the file as it is on disk now (edits made since the sync count), else nothing. Read
 * without following links (safe-write.ts), so "Keep mine" never copies a file from outside the site.
 */
function mineBytes(repo: Repo, c: PendingConflict): Buffer | null {
  return readWorkBytes(repo, c.repoPath);
}

export async function resolveConflict(
  repo: Repo,
  path: string,
  choice: 'ours' | 'theirs' | 'merged',
  text: string | undefined,
  author: GitAuthor,
): Promise<{ remaining: number; version: string | null }> {
  const pending = await loadPending(repo);
  if (!pending) throw new PostwrightError('not-found', 'There is nothing to choose: no sync is waiting for a decision.');
  const repoPath = repoPathOf(repo, path);
  const c = pending.conflicts.find((x) => x.repoPath === repoPath || x.repoPath === path);
  if (!c) throw new PostwrightError('not-found', `"${path}" is not one of the files waiting for a choice.`);
  if (choice === 'merged') {
    if (text === undefined) throw new PostwrightError('invalid-request', 'An edited version needs its text.');
    c.resolution = await git.writeBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, blob: Buffer.from(text, 'utf8') });
  } else if (choice === 'theirs') {
    c.resolution = c.theirs;
  } else {
    const mine = mineBytes(repo, c);
    c.resolution = mine === null ? null : await git.writeBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, blob: mine });
  }
  await savePending(repo, pending);
  const remaining = pending.conflicts.filter((x) => x.resolution === undefined).length;
  if (remaining) return { remaining, version: null };
  return { remaining: 0, version: await finishMerge(repo, author) };
}

async function finishMerge(repo: Repo, author: GitAuthor): Promise<string> {
  const pending = (await loadPending(repo))!;
  const branch = await assertWritable(repo);
  const head = await headCommit(repo);
  if (head !== pending.ours || branch !== pending.branch) {
    throw new PostwrightError('conflict', 'The site\'s history changed while the choice was pending. Cancel the pending sync and press Sync again.');
  }
  let tree = pending.tree;
  for (const c of pending.conflicts) {
    const entry = c.resolution ? { mode: '100644', oid: c.resolution } : null;
    tree = await repo.trees.replaceAt(tree, c.repoPath, entry);
  }
  const oursTree = await commitTree(repo, pending.ours);
  const changes = await diffTrees(repo, oursTree, tree);
  const chosen = new Set(pending.conflicts.map((c) => c.repoPath));
  await assertNoUnsavedWork(repo, changes, undefined, chosen);
  // Files the writer chose for, whose disk text already equals the choice, still need an index update.
  for (const c of pending.conflicts) {
    if (!changes.some((x) => x.repoPath === c.repoPath) && diskOid(repo, c.repoPath) !== (c.resolution ?? null)) {
      changes.push({ repoPath: c.repoPath, from: null, to: c.resolution ? { mode: '100644', name: '', oid: c.resolution } : null });
    }
  }
  const commit = await writeCommit(repo, tree, [pending.ours, pending.theirs], author, `Combine versions from ${pending.remoteName}`);
  await withIndexLock(repo, async () => {
    await applyChanges(repo, changes);
    await moveBranch(repo, branch, commit);
  });
  await clearPending(repo);
  return commit;
}

export async function cancelMerge(repo: Repo): Promise<boolean> {
  return clearPending(repo);
}
