// Restore: the post's files as they were in a version become the current files on disk, as a
// new unsaved change (history is never rewritten). Unsaved text is saved as a version first,
// so nothing a writer typed is ever lost. Files added since that version are left in place.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { GitAuthor } from '../../../shared/ipc/channels/git';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Repo } from './repo';
import { absOf, postUnit } from './repo';
import { assertWritable, headCommit, withIndexLock } from './guards';
import { commitTree } from './commits';
import { commitUnit, postTitle } from './commit';
import { postState, headFiles } from './post-state';
import { diskOid } from './apply-tree';
import { readBlob } from './tree-merge';
import { assertNoLinkedParent, isRegularFileWith } from './safe-write';

export async function restoreVersion(repo: Repo, postPath: string, version: string, author: GitAuthor): Promise<{ restored: string[]; savedFirst: string | null }> {
  const branch = await assertWritable(repo);
  const unit = postUnit(repo, postPath);
  let tree: string;
  try {
    tree = await commitTree(repo, version);
  } catch {
    throw new PostwrightError('not-found', 'That version could not be found in the site\'s history.');
  }
  const entry = await repo.trees.entryAt(tree, unit.repoPath);
  if (!entry) throw new PostwrightError('not-found', `"${postPath}" did not exist in that version.`);
  const files = await headFiles(repo, entry);

  return withIndexLock(repo, async () => {
    let savedFirst: string | null = null;
    const head = await headCommit(repo);
    const state = await postState(repo, unit, head ? await commitTree(repo, head) : null);
    if (state === 'changed' || state === 'new') {
      savedFirst = await commitUnit(repo, branch, unit, author, `Keep ${await postTitle(repo, postPath)} before restoring an older version`);
    }
    const restored: string[] = [];
    const paths = [...files.keys()].map((rel) => (rel ? `${unit.repoPath}/${rel}` : unit.repoPath));
    // No write goes through a linked folder (safe-write.ts); checked for all files first, so a refusal changes nothing.
    for (const repoPath of paths) assertNoLinkedParent(repo, repoPath);
    for (const [rel, e] of files) {
      const repoPath = rel ? `${unit.repoPath}/${rel}` : unit.repoPath;
      // A link in the old version comes back as a regular file holding its text, never as a link.
      if (isRegularFileWith(repo, repoPath, e.oid, diskOid)) continue;
      assertNoLinkedParent(repo, repoPath);
      const abs = absOf(repo, repoPath);
      await mkdir(dirname(abs), { recursive: true });
      await writeFileAtomic(abs, await readBlob(repo, e.oid));
      restored.push(repoPath);
    }
    return { restored, savedFirst };
  });
}
