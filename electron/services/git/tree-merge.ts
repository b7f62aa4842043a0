// Three-way merge of two trees against their common base, recursing only into folders both
// sides changed (so a sync in a 10,000-post site reads a few trees). Text files both sides
// changed are merged line by line with node-diff3; what cannot be merged becomes a conflict
// that keeps "ours" in the merged tree until the writer chooses.
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import { diff3Merge } from 'node-diff3';
import type { Repo } from './repo';
import { isTree, TREE_MODE, type TreeEntry } from './tree-store';

export interface MergeConflict {
  repoPath: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
  binary: boolean;
}

export interface TreeMergeResult {
  tree: string;
  conflicts: MergeConflict[];
}

type Side = TreeEntry | null;

const same = (a: Side, b: Side) => (a === null ? b === null : b !== null && a.oid === b.oid && a.mode === b.mode);

export async function mergeTrees(repo: Repo, base: string | null, ours: string, theirs: string): Promise<TreeMergeResult> {
  const conflicts: MergeConflict[] = [];
  const tree = await mergeDir(repo, base, ours, theirs, '', conflicts);
  return { tree: tree ?? (await repo.trees.write([])), conflicts };
}

async function mergeDir(repo: Repo, b: string | null, o: string | null, t: string | null, path: string, conflicts: MergeConflict[]): Promise<string | null> {
  const [bt, ot, tt] = await Promise.all([b, o, t].map((x) => (x ? repo.trees.read(x) : null)));
  const names = new Set<string>([...(bt?.byName.keys() ?? []), ...(ot?.byName.keys() ?? []), ...(tt?.byName.keys() ?? [])]);
  const out: TreeEntry[] = [];
  for (const name of names) {
    const be = bt?.byName.get(name) ?? null;
    const oe = ot?.byName.get(name) ?? null;
    const te = tt?.byName.get(name) ?? null;
    const p = path ? `${path}/${name}` : name;
    const picked = await mergeEntry(repo, be, oe, te, p, conflicts);
    if (picked) out.push({ ...picked, name });
  }
  return out.length ? repo.trees.write(out) : null;
}

async function mergeEntry(repo: Repo, be: Side, oe: Side, te: Side, path: string, conflicts: MergeConflict[]): Promise<Side> {
  if (same(oe, te)) return oe;
  if (same(be, oe)) return te;
  if (same(be, te)) return oe;
  const treeOrNull = (e: Side) => e === null || isTree(e);
  if ((oe || te) && treeOrNull(be) && treeOrNull(oe) && treeOrNull(te) && (isTree(oe) || isTree(te))) {
    const merged = await mergeDir(repo, be?.oid ?? null, oe?.oid ?? null, te?.oid ?? null, path, conflicts);
    return merged ? { mode: TREE_MODE, name: '', oid: merged } : null;
  }
  if (oe && te && !isTree(oe) && !isTree(te) && (!be || !isTree(be)) && oe.mode === te.mode) {
    const texts = await Promise.all([be, oe, te].map((e) => (e ? readBlob(repo, e.oid) : Promise.resolve(Buffer.alloc(0)))));
    const binary = texts.some(isBinary);
    if (!binary) {
      const merged = mergeText(texts[0].toString('utf8'), texts[1].toString('utf8'), texts[2].toString('utf8'));
      if (merged !== null) {
        const oid = await git.writeBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, blob: Buffer.from(merged, 'utf8') });
        return { mode: oe.mode, name: '', oid };
      }
    }
    conflicts.push({ repoPath: path, base: be?.oid ?? null, ours: oe.oid, theirs: te.oid, binary });
    return oe;
  }
  // One side deleted or changed the type of what the other edited: the writer decides.
  const blobOid = (e: Side) => (e && !isTree(e) ? e.oid : null);
  conflicts.push({ repoPath: path, base: blobOid(be), ours: blobOid(oe), theirs: blobOid(te), binary: false });
  return oe;
}

/** Line-based three-way merge that keeps every byte (line endings included); null on conflict. */
export function mergeText(base: string, ours: string, theirs: string): string | null {
  const lines = (s: string) => s.split(/(?<=\n)/);
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true });
  let out = '';
  for (const r of regions) {
    if (r.conflict) return null;
    out += (r.ok ?? []).join('');
  }
  return out;
}

export async function readBlob(repo: Repo, oid: string): Promise<Buffer> {
  const { blob } = await git.readBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.gitCache });
  return Buffer.from(blob);
}

export function isBinary(b: Buffer): boolean {
  return b.subarray(0, 8000).includes(0);
}
