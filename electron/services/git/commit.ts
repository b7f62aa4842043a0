// Save version: one commit holding exactly one post's unit (its bundle folder, or its file),
// built from HEAD's tree by rewriting only the trees on the post's path, so a commit in a
// 10,000-post site writes a handful of objects. The index is then brought in line for those
// files only, so `git status` on the command line agrees.
import fs from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { GitAuthor, SavedVersion } from '../../../shared/ipc/channels/git';
import { summarize } from '../site/list-posts';
import type { Repo, PostUnit } from './repo';
import { absOf, postUnit } from './repo';
import { assertWritable, headCommit, withIndexLock } from './guards';
import { commitTree, moveBranch, writeCommit } from './commits';
import { headFiles, unitFiles, withoutIgnored } from './post-state';
import { TREE_MODE, objectOid, type TreeEntry } from './tree-store';
import { WorktreeHasher, type WorkFile } from './worktree-hash';
import { patchIndexEntries } from './index-patch';

export async function postTitle(repo: Repo, postPath: string): Promise<string> {
  const unit = postUnit(repo, postPath);
  try {
    const text = await readFile(absOf(repo, unit.textRepoPath), 'utf8');
    return summarize(postPath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).title;
  } catch {
    return postPath.split('/').slice(-2)[0] ?? postPath;
  }
}

export async function defaultMessage(repo: Repo, postPath: string): Promise<string> {
  return `Update ${await postTitle(repo, postPath)}`;
}

export async function saveVersion(repo: Repo, postPath: string, author: GitAuthor, message?: string): Promise<SavedVersion> {
  const branch = await assertWritable(repo);
  const msg = message?.trim() ? message.trim() : await defaultMessage(repo, postPath);
  return withIndexLock(repo, async () => {
    const version = await commitUnit(repo, branch, postUnit(repo, postPath), author, msg);
    return { path: postPath, version, message: msg };
  });
}

/** Commits the unit as it is on disk; returns the commit, or null when nothing changed. Caller holds the lock. */
export async function commitUnit(repo: Repo, branch: string, unit: PostUnit, author: GitAuthor, message: string): Promise<string | null> {
  const head = await headCommit(repo);
  const root = head ? await commitTree(repo, head) : null;
  const headEntry = await repo.trees.entryAt(root, unit.repoPath);
  const tracked = await headFiles(repo, headEntry);
  const files = await withoutIgnored(repo, unit, unitFiles(repo, unit), new Set(tracked.keys()));
  if (files.length === 0 && !headEntry) {
    throw new PostwrightError('not-found', `There is no post at "${unit.rel}" to save.`);
  }

  const written = await writeBlobs(repo, files, tracked);
  let entry: Omit<TreeEntry, 'name'> | null = null;
  if (unit.kind === 'file') {
    if (files[0]) entry = { mode: WorktreeHasher.modeOf(files[0].stat), oid: written.get('')! };
  } else if (files.length) {
    entry = { mode: TREE_MODE, oid: await writeFolder(repo, files, written) };
  }
  if (entry && headEntry && entry.oid === headEntry.oid && entry.mode === headEntry.mode) return null;
  if (!entry && !headEntry) return null;

  const newRoot = await repo.trees.replaceAt(root, unit.repoPath, entry);
  const commit = await writeCommit(repo, newRoot, head ? [head] : [], author, message);
  await moveBranch(repo, branch, commit);
  await syncIndex(repo, unit, files, tracked, written);
  return commit;
}

/** Writes blobs that HEAD does not already hold; returns rel → oid for every file. */
async function writeBlobs(repo: Repo, files: WorkFile[], tracked: Map<string, TreeEntry>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of files) {
    // Read once: the oid in the tree must be the oid of the bytes written, even if the file changes meanwhile.
    const data = f.stat.isSymbolicLink() ? Buffer.from(await readlink(f.abs), 'utf8') : await readFile(f.abs);
    const oid = objectOid('blob', data);
    if (tracked.get(f.rel)?.oid !== oid) await git.writeBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, blob: data });
    out.set(f.rel, oid);
  }
  return out;
}

async function writeFolder(repo: Repo, files: WorkFile[], oids: Map<string, string>): Promise<string> {
  type Dir = Map<string, Dir | TreeEntry>;
  const root: Dir = new Map();
  for (const f of files) {
    const parts = f.rel.split('/');
    let d = root;
    for (const part of parts.slice(0, -1)) {
      let sub = d.get(part);
      if (!(sub instanceof Map)) d.set(part, (sub = new Map()));
      d = sub;
    }
    const name = parts[parts.length - 1];
    d.set(name, { mode: WorktreeHasher.modeOf(f.stat), name, oid: oids.get(f.rel)! });
  }
  const write = async (d: Dir): Promise<string> => {
    const entries: TreeEntry[] = [];
    for (const [name, v] of d) entries.push(v instanceof Map ? { mode: TREE_MODE, name, oid: await write(v) } : v);
    return repo.trees.write(entries);
  };
  return write(root);
}

/** Index entries of the unit now match the commit: changed files re-added, removed ones dropped. */
async function syncIndex(repo: Repo, unit: PostUnit, files: WorkFile[], tracked: Map<string, TreeEntry>, oids: Map<string, string>): Promise<void> {
  const repoPath = (rel: string) => (rel ? `${unit.repoPath}/${rel}` : unit.repoPath);
  const changedFiles = files.filter((f) => tracked.get(f.rel)?.oid !== oids.get(f.rel));
  const changed = changedFiles.map((f) => repoPath(f.rel));
  const present = new Set(files.map((f) => f.rel));
  // Only edits of files the index holds: patch their entries in place (index-patch.ts), which
  // costs one pass over the index's bytes instead of isomorphic-git's parse and rewrite.
  const editsOnly = changedFiles.every((f) => tracked.has(f.rel)) && [...tracked.keys()].every((rel) => present.has(rel));
  if (editsOnly && changed.length && (await patchIndexEntries(repo.gitdir, changedFiles.map((f) => ({ path: repoPath(f.rel), abs: f.abs, oid: oids.get(f.rel)! }))))) return;
  if (changed.length) await git.add({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: changed, cache: repo.gitCache, force: true });
  for (const rel of tracked.keys()) {
    if (!present.has(rel)) await git.remove({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: repoPath(rel), cache: repo.gitCache });
  }
}

