// Whether one post's unit (bundle folder or single file) differs from the saved version at
// HEAD: new (never saved), changed (unsaved edits) or saved. The fast path compares the oid git
// would give the work-tree folder with the oid in HEAD's tree; only when they differ does it
// look file by file (so files that .gitignore hides do not count as changes).
import fs from 'node:fs';
import { lstatSync } from 'node:fs';
import * as git from 'isomorphic-git';
import type { Repo, PostUnit } from './repo';
import { absOf } from './repo';
import { listWorkFiles, WorktreeHasher, type WorkFile } from './worktree-hash';
import { isTree, type TreeEntry } from './tree-store';

export type PostState = 'new' | 'changed' | 'saved';

interface Memo {
  /** The unit's files' stat data when the state was computed (rel, size, mtime, inode, mode each). */
  fp: Array<string | number>;
  /** The very list the state was computed from: a scan that returns it again found nothing changed. */
  files: WorkFile[];
  /** HEAD's entry for the unit when the state was computed ('' when HEAD had none). */
  headOid: string;
  headMode: string;
  /** A HEAD tree in which the unit's entry was that one: the same tree needs no look-up. */
  root: string | null;
  state: PostState | null;
}

/** The stat data a memo keeps, flat (no string built per post: a status walks every post). */
function statPrint(files: WorkFile[]): Array<string | number> {
  const out: Array<string | number> = [];
  for (const f of files) out.push(f.rel, f.stat.size, f.stat.mtimeMs, f.stat.ino, f.stat.mode);
  return out;
}

function samePrint(a: Array<string | number>, files: WorkFile[]): boolean {
  if (a.length !== files.length * 5) return false;
  for (let i = 0, k = 0; i < files.length; i++, k += 5) {
    const f = files[i];
    if (a[k] !== f.rel || a[k + 1] !== f.stat.size || a[k + 2] !== f.stat.mtimeMs || a[k + 3] !== f.stat.ino || a[k + 4] !== f.stat.mode) return false;
  }
  return true;
}

const memos = new WeakMap<Repo, Map<string, Memo>>();

/** The work-tree files of a unit, paths relative to the unit folder ('' for a single file). */
export function unitFiles(repo: Repo, unit: PostUnit): WorkFile[] {
  const abs = absOf(repo, unit.repoPath);
  if (unit.kind === 'folder') return listWorkFiles(abs);
  try {
    const st = lstatSync(abs);
    return st.isFile() || st.isSymbolicLink() ? [{ rel: '', abs, stat: st }] : [];
  } catch {
    return [];
  }
}

/** Drops ignored files that HEAD does not track, as `git add` would. */
export async function withoutIgnored(repo: Repo, unit: PostUnit, files: WorkFile[], tracked: Set<string>): Promise<WorkFile[]> {
  const out: WorkFile[] = [];
  for (const f of files) {
    const repoPath = f.rel ? `${unit.repoPath}/${f.rel}` : unit.repoPath;
    if (!tracked.has(f.rel) && (await git.isIgnored({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: repoPath }))) continue;
    out.push(f);
  }
  return out;
}

/** Files HEAD holds for a unit, relative to the unit ('' for a single file). */
export async function headFiles(repo: Repo, entry: TreeEntry | null): Promise<Map<string, TreeEntry>> {
  if (!entry) return new Map();
  if (isTree(entry)) return repo.trees.listFiles(entry.oid);
  return new Map([['', entry]]);
}

/** The oid the unit would have in a tree (blob for a file, tree for a folder), or null if empty. */
export function workOid(repo: Repo, unit: PostUnit, files: WorkFile[]): string | null {
  if (unit.kind === 'file') return files[0] ? repo.hasher.blobOid(files[0].abs, files[0].stat) : null;
  return repo.hasher.folderOid(files);
}

/**
 * The state remembered for an unchanged unit, answered without a promise (a warm status of
 * 100,000 posts is mostly these); undefined when it must be computed (postState).
 */
export function rememberedState(repo: Repo, unit: PostUnit, headRoot: string | null, files: WorkFile[]): PostState | null | undefined {
  const hit = memos.get(repo)?.get(unit.repoPath);
  if (!hit) return undefined;
  if (headRoot === null || hit.root !== headRoot) {
    const head = repo.trees.entryAtSync(headRoot, unit.repoPath);
    if (head === undefined) return undefined;
    if (head ? hit.headOid !== head.oid || hit.headMode !== head.mode : hit.headOid !== '') return undefined;
    hit.root = headRoot;
  }
  return hit.files === files || samePrint(hit.fp, files) ? hit.state : undefined;
}

export async function postState(repo: Repo, unit: PostUnit, headRoot: string | null, known?: WorkFile[]): Promise<PostState | null> {
  const head = repo.trees.entryAtSync(headRoot, unit.repoPath) ?? (await repo.trees.entryAt(headRoot, unit.repoPath));
  const files = known ?? unitFiles(repo, unit);
  const headOid = head ? head.oid : '';
  const headMode = head ? head.mode : '';
  let m = memos.get(repo);
  if (!m) memos.set(repo, (m = new Map()));
  const hit = m.get(unit.repoPath);
  if (hit && hit.headOid === headOid && hit.headMode === headMode && samePrint(hit.fp, files)) return hit.state;
  const state = await computeState(repo, unit, files, head);
  // A file hashed within the racy window is not cached by the hasher; do not cache its answer.
  const racy = files.some((f) => Date.now() - f.stat.mtimeMs <= 3000);
  if (!racy) m.set(unit.repoPath, { fp: statPrint(files), files, headOid, headMode, root: headRoot, state });
  return state;
}

async function computeState(repo: Repo, unit: PostUnit, files: WorkFile[], head: TreeEntry | null): Promise<PostState | null> {
  if (files.length === 0) return null; // gone from disk: not a post any more
  if (!head) return 'new';
  if (unit.kind === 'file') {
    const same = head.oid === workOid(repo, unit, files) && head.mode === WorktreeHasher.modeOf(files[0].stat);
    return same ? 'saved' : 'changed';
  }
  if (!isTree(head)) return 'changed';
  if (workOid(repo, unit, files) === head.oid) return 'saved';
  const tracked = await headFiles(repo, head);
  const kept = await withoutIgnored(repo, unit, files, new Set(tracked.keys()));
  return repo.hasher.folderOid(kept) === head.oid ? 'saved' : 'changed';
}
