// Checks made before anything writes to the repository, each turning a state git tools can
// leave behind into a plain-words message that says what to do. Writes also hold git's own
// `index.lock`, so the git command line (or GitHub Desktop) cannot change the index meanwhile.
import { access, open, unlink } from 'node:fs/promises';
import fs from 'node:fs';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Repo } from './repo';

export type RepoProblemCode = 'mid-merge' | 'mid-rebase' | 'mid-operation' | 'locked' | 'detached';

export interface RepoProblem {
  code: RepoProblemCode;
  message: string;
}

const LOCKED =
  'Another program is changing this site\'s history right now (the file ".git/index.lock" exists). ' +
  'Wait for it to finish and try again. If no other git program is open, the file was left behind by a crash: delete ".git/index.lock" and try again.';

/** What stops Postwright from writing versions, or null when nothing does. */
export async function repoProblem(repo: Repo): Promise<RepoProblem | null> {
  const has = (name: string) => access(join(repo.gitdir, name)).then(() => true, () => false);
  if ((await has('rebase-merge')) || (await has('rebase-apply'))) {
    return {
      code: 'mid-rebase',
      message:
        'Another git program started rewriting this site\'s history (a rebase) and did not finish. ' +
        'Finish or cancel it in that program (for example "git rebase --abort"), then try again. Your files have not been changed.',
    };
  }
  if (await has('MERGE_HEAD')) {
    return {
      code: 'mid-merge',
      message:
        'Another git program started combining versions (a merge) in this site and did not finish. ' +
        'Finish or cancel it in that program (for example "git merge --abort"), then try again. Your files have not been changed.',
    };
  }
  if ((await has('CHERRY_PICK_HEAD')) || (await has('REVERT_HEAD'))) {
    return {
      code: 'mid-operation',
      message:
        'Another git program is in the middle of copying or undoing a version (cherry-pick or revert). ' +
        'Finish or cancel it in that program, then try again.',
    };
  }
  if (await has('index.lock')) return { code: 'locked', message: LOCKED };
  const branch = await git.currentBranch({ fs, dir: repo.dir, gitdir: repo.gitdir }).catch(() => undefined);
  if (!branch) {
    return {
      code: 'detached',
      message:
        'The site\'s history is looking at an old version instead of a branch (a "detached HEAD"), so new versions could get lost. ' +
        'Switch back to your branch (for example "git switch main") and try again.',
    };
  }
  return null;
}

export async function assertWritable(repo: Repo): Promise<string> {
  const problem = await repoProblem(repo);
  if (problem) throw new PostwrightError('git', problem.message, { problem: problem.code });
  const branch = await git.currentBranch({ fs, dir: repo.dir, gitdir: repo.gitdir });
  return branch as string;
}

/**
 * Runs `fn` holding `.git/index.lock` (created exclusively, as git does), so no other git tool
 * touches the index meanwhile. isomorphic-git writes the index in place and ignores this file.
 */
export async function withIndexLock<T>(repo: Repo, fn: () => Promise<T>): Promise<T> {
  const lock = join(repo.gitdir, 'index.lock');
  let handle;
  try {
    handle = await open(lock, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new PostwrightError('git', LOCKED, { problem: 'locked' });
    throw e;
  }
  await handle.close();
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => {});
  }
}

/** Branch HEAD points at (also for a branch with no commits yet), or null when detached. */
export async function headBranch(repo: Repo): Promise<string | null> {
  return (await git.currentBranch({ fs, dir: repo.dir, gitdir: repo.gitdir }).catch(() => undefined)) ?? null;
}

/** The commit HEAD points at, or null for a new repository without commits. */
export async function headCommit(repo: Repo): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref: 'HEAD' });
  } catch {
    return null;
  }
}

