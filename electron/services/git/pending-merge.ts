// A merge waiting for the writer to choose between versions. It lives in a small JSON file in
// the .git folder, not as git's MERGE_HEAD plus conflict markers in the posts: the writer's
// files stay exactly as they were until every conflict has a chosen text, and other git tools
// see a clean repository meanwhile.
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Repo } from './repo';
import type { MergeConflict } from './tree-merge';

export interface PendingConflict extends MergeConflict {
  /** Chosen content: a blob oid, null = the file is deleted, undefined = not chosen yet. */
  resolution?: string | null;
}

export interface PendingMerge {
  branch: string;
  ours: string;
  theirs: string;
  base: string | null;
  /** The merged tree with "ours" in every conflicted path. */
  tree: string;
  remoteName: string;
  backupRef: string | null;
  conflicts: PendingConflict[];
}

const file = (repo: Repo) => join(repo.gitdir, 'postwright', 'merge.json');

export async function loadPending(repo: Repo): Promise<PendingMerge | null> {
  try {
    return JSON.parse(await readFile(file(repo), 'utf8')) as PendingMerge;
  } catch {
    return null;
  }
}

export async function savePending(repo: Repo, merge: PendingMerge): Promise<void> {
  await mkdir(join(repo.gitdir, 'postwright'), { recursive: true });
  await writeFileAtomic(file(repo), Buffer.from(JSON.stringify(merge, null, 2), 'utf8'));
}

export async function clearPending(repo: Repo): Promise<boolean> {
  try {
    await unlink(file(repo));
    return true;
  } catch {
    return false;
  }
}
