// The text of a post as it was in a version (commit).
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Repo } from './repo';
import { postUnit } from './repo';
import { commitTree } from './commits';
import { readBlob } from './tree-merge';

export async function readPostAtVersion(repo: Repo, postPath: string, version: string): Promise<string> {
  const unit = postUnit(repo, postPath);
  let tree: string;
  try {
    tree = await commitTree(repo, version);
  } catch {
    throw new PostwrightError('not-found', 'That version could not be found in the site\'s history.');
  }
  const entry = await repo.trees.entryAt(tree, unit.textRepoPath);
  if (!entry) throw new PostwrightError('not-found', `"${postPath}" did not exist in that version.`);
  const text = (await readBlob(repo, entry.oid)).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
