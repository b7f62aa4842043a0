// History of one post: the commits that changed its unit, newest first. A commit counts when
// the unit's oid differs from every parent's (git log's default history simplification);
// through merges it follows a parent where the post was unchanged. Reading only the trees on
// the post's path keeps this fast on big sites.
import type { Version } from '../../../shared/ipc/channels/git';
import type { Repo } from './repo';
import { postUnit } from './repo';
import { headCommit } from './guards';
import { readCommitInfo } from './commits';

const MAX_COMMITS_SCANNED = 5000;

export async function postHistory(repo: Repo, postPath: string, limit = 200): Promise<Version[]> {
  const unit = postUnit(repo, postPath);
  const head = await headCommit(repo);
  if (!head) return [];
  const out: Version[] = [];
  const seen = new Set<string>();
  const queue: Array<{ oid: string; time: number }> = [];
  const read = async (oid: string) => ({ commit: await readCommitInfo(repo, oid) });
  const at = async (tree: string) => {
    const e = await repo.trees.entryAt(tree, unit.repoPath);
    return e ? `${e.mode}:${e.oid}` : '';
  };
  const push = async (oid: string) => {
    if (seen.has(oid)) return;
    seen.add(oid);
    queue.push({ oid, time: (await read(oid)).commit.committer.timestamp });
  };
  await push(head);
  let scanned = 0;
  while (queue.length && out.length < limit && scanned++ < MAX_COMMITS_SCANNED) {
    queue.sort((a, b) => b.time - a.time);
    const { oid } = queue.shift()!;
    const { commit } = await read(oid);
    const mine = await at(commit.tree);
    const parents = await Promise.all(commit.parent.map(async (p) => ({ p, v: await at((await read(p)).commit.tree) })));
    const sameParent = parents.find((x) => x.v === mine);
    if (!sameParent && mine !== '') {
      out.push({
        id: oid,
        date: commit.author.timestamp * 1000,
        author: commit.author.name,
        email: commit.author.email,
        message: commit.message.trim(),
      });
    }
    if (sameParent) await push(sameParent.p);
    else for (const x of parents) await push(x.p);
  }
  return out;
}
