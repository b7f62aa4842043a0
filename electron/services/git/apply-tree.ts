// Brings the work tree and the index from one tree to another, touching only the files that
// differ (found by comparing tree oids, so unchanged folders are skipped whole). Files are
// written atomically; before anything is written, every file about to change is checked
// against the old tree so that unsaved work is never overwritten. A tree is hostile input
// (anyone who can push made it): see safe-write.ts for the rules every write here follows.
import fs from 'node:fs';
import { lstatSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Repo } from './repo';
import { absOf, postOfRepoFile } from './repo';
import { isTree, objectOid, type TreeEntry } from './tree-store';
import { readBlob } from './tree-merge';
import { assertNoLinkedParent, assertSafeEntryName, isRegularFileWith, linkedParent, linkedParentError } from './safe-write';

export interface FileChange {
  repoPath: string;
  from: TreeEntry | null;
  to: TreeEntry | null;
}

export async function diffTrees(repo: Repo, a: string | null, b: string | null, path = '', out: FileChange[] = []): Promise<FileChange[]> {
  if (a === b) return out;
  const [at, bt] = await Promise.all([a ? repo.trees.read(a) : null, b ? repo.trees.read(b) : null]);
  const names = new Set([...(at?.byName.keys() ?? []), ...(bt?.byName.keys() ?? [])]);
  for (const name of names) {
    const ae = at?.byName.get(name) ?? null;
    const be = bt?.byName.get(name) ?? null;
    if (ae && be && ae.oid === be.oid && ae.mode === be.mode) continue;
    // Refused before anything is written: a name like ".." or ".git" would land outside the site or in its history.
    assertSafeEntryName(name, path);
    const p = path ? `${path}/${name}` : name;
    const aTree = isTree(ae) ? ae!.oid : null;
    const bTree = isTree(be) ? be!.oid : null;
    if (aTree || bTree) await diffTrees(repo, aTree, bTree, p, out);
    const aBlob = ae && !isTree(ae) ? ae : null;
    const bBlob = be && !isTree(be) ? be : null;
    if (aBlob || bBlob) out.push({ repoPath: p, from: aBlob, to: bBlob });
  }
  return out;
}

/** Oid of what is on disk at a repository path, or null when nothing is there. */
export function diskOid(repo: Repo, repoPath: string): string | null {
  const abs = absOf(repo, repoPath);
  try {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return objectOid('blob', Buffer.from(readlinkSync(abs), 'utf8'));
    if (!st.isFile()) return 'not-a-file';
    return repo.hasher.blobOid(abs, st);
  } catch {
    return null;
  }
}

/**
 * Throws when any of the files about to change holds work that is not saved in `savedTree`
 * (the local HEAD tree; by default each change's `from`).
 */
export async function assertNoUnsavedWork(repo: Repo, changes: FileChange[], savedTree?: string | null, skip?: Set<string>): Promise<void> {
  const unsaved = new Set<string>();
  for (const c of changes) {
    if (skip?.has(c.repoPath)) continue;
    const disk = diskOid(repo, c.repoPath);
    const expected = savedTree === undefined ? (c.from?.oid ?? null) : ((await repo.trees.entryAt(savedTree, c.repoPath))?.oid ?? null);
    if (disk !== expected && disk !== (c.to?.oid ?? null)) unsaved.add(await postOfRepoFile(repo, c.repoPath));
  }
  if (unsaved.size) {
    const list = [...unsaved].slice(0, 5).join('", "');
    throw new PostwrightError(
      'conflict',
      `Save a version of "${list}"${unsaved.size > 5 ? ' and others' : ''} first: these posts have unsaved changes and new versions arrived for them. Then sync again.`,
      { posts: [...unsaved] },
    );
  }
}

/**
 * Writes the changes to disk and the index. Caller holds the index lock and checked for unsaved work.
 * Deletions run first, so a link or file that a folder replaces is gone before the folder is made;
 * every write and delete checks (lstat) that no folder on its way is a symbolic link.
 */
export async function applyChanges(repo: Repo, changes: FileChange[]): Promise<void> {
  const deleted = new Set(changes.filter((c) => !c.to).map((c) => c.repoPath));
  // Checked for all changes before the first write, so a refusal changes nothing on disk. A link
  // this change set deletes is fine: the deletion (of the link itself) runs before the writes.
  for (const c of changes) {
    const link = linkedParent(repo, c.repoPath);
    if (link && !(c.to && deleted.has(link))) throw linkedParentError(c.repoPath, link);
  }
  const ordered = [...changes.filter((c) => !c.to), ...changes.filter((c) => c.to)];
  const added: string[] = [];
  for (const c of ordered) {
    const abs = absOf(repo, c.repoPath);
    assertNoLinkedParent(repo, c.repoPath);
    if (c.to) {
      const data = await readBlob(repo, c.to.oid);
      mkdirSync(dirname(abs), { recursive: true });
      // A symbolic link (mode 120000) is written as a regular file holding the link's text: never a link (safe-write.ts).
      if (!isRegularFileWith(repo, c.repoPath, c.to.oid, diskOid)) await writeFileAtomic(abs, data);
      fs.chmodSync(abs, c.to.mode === '100755' ? 0o755 : 0o644);
      added.push(c.repoPath);
    } else {
      try {
        unlinkSync(abs); // removes a link itself, never what it points to
      } catch {}
      removeEmptyParents(repo, dirname(abs));
      await git.remove({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: c.repoPath, cache: repo.gitCache });
    }
  }
  if (added.length) await git.add({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: added, cache: repo.gitCache, force: true });
}

function removeEmptyParents(repo: Repo, dir: string): void {
  for (let d = dir; d.startsWith(repo.dir) && d !== repo.dir; d = dirname(d)) {
    try {
      if (readdirSync(d).length) return;
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

