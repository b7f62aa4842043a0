// Ancestry questions for Sync (is one version inside another's history, where did two
// histories part). isomorphic-git answers them, but throws on a version another tool wrote
// with an odd author line; then the same walk is done here over readCommitInfo, which reads
// such versions (commits.ts).
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import type { Repo } from './repo';
import { readCommitInfo } from './commits';

export async function isAncestor(repo: Repo, ancestor: string, of: string): Promise<boolean> {
  try {
    return await git.isDescendent({ fs, dir: repo.dir, gitdir: repo.gitdir, oid: of, ancestor, depth: -1, cache: repo.gitCache });
  } catch {
    return (await ancestors(repo, of)).has(ancestor);
  }
}

/** A best common ancestor of two versions, or null when their histories never meet. */
export async function mergeBase(repo: Repo, a: string, b: string): Promise<string | null> {
  try {
    return ((await git.findMergeBase({ fs, dir: repo.dir, gitdir: repo.gitdir, oids: [a, b], cache: repo.gitCache })) as string[])[0] ?? null;
  } catch {
    const ofA = await ancestors(repo, a);
    // Newest first from b: the first version a also reaches is where the histories parted.
    const queue = [b];
    const seen = new Set(queue);
    const time = new Map<string, number>();
    while (queue.length) {
      queue.sort((x, y) => (time.get(y) ?? Infinity) - (time.get(x) ?? Infinity));
      const oid = queue.shift()!;
      if (ofA.has(oid)) return oid;
      for (const p of (await readCommitInfo(repo, oid)).parent) {
        if (seen.has(p)) continue;
        seen.add(p);
        time.set(p, (await readCommitInfo(repo, p)).committer.timestamp);
        queue.push(p);
      }
    }
    return null;
  }
}

/** Every version in the history of `oid`, itself included. */
async function ancestors(repo: Repo, oid: string): Promise<Set<string>> {
  const seen = new Set([oid]);
  const todo = [oid];
  while (todo.length) {
    for (const p of (await readCommitInfo(repo, todo.pop()!)).parent) {
      if (!seen.has(p)) {
        seen.add(p);
        todo.push(p);
      }
    }
  }
  return seen;
}
