// How many commits the branch has that the remote lacks (ahead) and the reverse (behind).
// Walks both histories newest first, marking which side reaches each commit, and stops once
// every commit still queued is reached by both (git's own "paint down" idea). Results are
// cached per pair of commits.
import type { Repo } from './repo';
import { readCommitInfo } from './commits';

const LOCAL = 1;
const REMOTE = 2;
const BOTH = 3;
const MAX_STEPS = 20_000;

const memo = new WeakMap<Repo, Map<string, { ahead: number; behind: number }>>();

export async function aheadBehind(repo: Repo, local: string | null, remote: string | null): Promise<{ ahead: number; behind: number }> {
  if (local === remote) return { ahead: 0, behind: 0 };
  const key = `${local}:${remote}`;
  let m = memo.get(repo);
  if (!m) memo.set(repo, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;

  const flags = new Map<string, number>();
  const times = new Map<string, number>();
  const parents = new Map<string, string[]>();
  const queue = new Set<string>();
  const load = async (oid: string) => {
    if (times.has(oid)) return;
    const commit = await readCommitInfo(repo, oid);
    times.set(oid, commit.committer.timestamp);
    parents.set(oid, commit.parent);
  };
  for (const [oid, flag] of [[local, LOCAL], [remote, REMOTE]] as const) {
    if (!oid) continue;
    await load(oid);
    flags.set(oid, (flags.get(oid) ?? 0) | flag);
    queue.add(oid);
  }
  let steps = 0;
  while (queue.size && steps++ < MAX_STEPS) {
    if ([...queue].every((o) => flags.get(o) === BOTH)) break;
    let best = '';
    for (const o of queue) if (!best || times.get(o)! > times.get(best)!) best = o;
    queue.delete(best);
    const f = flags.get(best)!;
    for (const p of parents.get(best)!) {
      await load(p);
      const before = flags.get(p) ?? 0;
      if ((before | f) !== before) {
        flags.set(p, before | f);
        queue.add(p);
      }
    }
  }
  let ahead = 0;
  let behind = 0;
  for (const f of flags.values()) {
    if (f === LOCAL) ahead++;
    else if (f === REMOTE) behind++;
  }
  const result = { ahead, behind };
  m.set(key, result);
  return result;
}
