// Small helpers over commit objects: a commit's tree, writing a commit and moving a branch.
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import type { Repo } from './repo';
import type { GitAuthor } from '../../../shared/ipc/channels/git';

const treeOfCommit = new Map<string, string>();

export async function commitTree(repo: Repo, oid: string): Promise<string> {
  const hit = treeOfCommit.get(oid);
  if (hit) return hit;
  const { commit } = await git.readCommit({ fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.gitCache });
  if (treeOfCommit.size > 50_000) treeOfCommit.clear();
  treeOfCommit.set(oid, commit.tree);
  return commit.tree;
}

export async function writeCommit(repo: Repo, tree: string, parents: string[], author: GitAuthor, message: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const who = { name: author.name, email: author.email, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() };
  const text = message.endsWith('\n') ? message : `${message}\n`;
  return git.writeCommit({ fs, dir: repo.dir, gitdir: repo.gitdir, commit: { tree, parent: parents, author: who, committer: who, message: text } });
}

/** Moves `refs/heads/<branch>` to `oid`. */
export async function moveBranch(repo: Repo, branch: string, oid: string): Promise<void> {
  await git.writeRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref: `refs/heads/${branch}`, value: oid, force: true });
}
